// End-to-end: storage never loses a plan, and plans travel as files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appUnderTest, newProfile, openApp, screenshot, ROOT } from './harness.mjs';

const app = appUnderTest();
const TMP = join(ROOT, 'target', 'e2e-files');

before(async () => {
  await mkdir(TMP, { recursive: true });
});

const cell = (page, label) => page.getByRole('textbox', { name: label, exact: true });
const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
const storageSnapshot = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const saved = (page) => page.locator('[data-testid=save-state]', { hasText: /Saved|저장됨/ }).waitFor({ timeout: 2000 });

async function exportJson(page) {
  await page.goto(page.url().replace(/#.*$/, '') + '#settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as JSON file' }).click(),
  ]);
  const path = join(TMP, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
}

async function importFile(page, path) {
  await page.goto(app.server.url + '#plans');
  await page.locator('[data-testid=import-input]').setInputFiles(path);
}

test('export, then import in a fresh browser profile, gives the identical plan', async () => {
  const a = await newProfile(app.browser, 'en-US', app.server.url);
  const pageA = await openApp(a.context, app.server.url + '#status');
  await cell(pageA, '기본경비 · This year').fill('12,345');
  await saved(pageA);
  const exported = await exportJson(pageA);
  assert.match(exported.name, /^사회적경제-예산-공약-계획-예시-\d{4}-\d{2}-\d{2}\.json$/);
  const b = await newProfile(app.browser, 'en-US', app.server.url);
  const pageB = await openApp(b.context, app.server.url);
  await importFile(pageB, exported.path);
  const preview = await text(pageB, 'import-preview');
  assert.match(preview, /2014–2022/);
  assert.match(preview, /errors 0/);
  await screenshot(pageB, 'import-preview-en');
  await pageB.getByRole('button', { name: 'Add as a new plan' }).click();
  await pageB.waitForSelector('.app[data-ready]');
  const again = await exportJson(pageB);
  assert.deepEqual(again.json.plan, exported.json.plan, 'the plan survives the trip unchanged');
  assert.deepEqual(a.record.errors, []);
  assert.deepEqual(b.record.errors, []);
  await a.context.close();
  await b.context.close();
});

test('bad files get a clear message and change nothing', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url);
  const demo = await readFile(join(ROOT, 'examples', 'demo-plan.json'), 'utf8');
  const cases = [
    ['truncated.json', demo.slice(0, Math.floor(demo.length / 2)), /damaged at \$\.plan/],
    ['newer.json', demo.replace('"version": 3', '"version": 99'), /format version 99, newer than this app/],
    ['huge.json', '{"format":"budget-planner/plan","version":1,"pad":"' + 'x'.repeat(30 * 1024 * 1024) + '"}', /at most 20971520 bytes/],
    ['not-a-plan.json', '{"hello": "world"}', /not a budget planner plan file/],
    // The files that once crashed or stalled the reader (issue 12).
    ['max-target.json', demo.replace('"target": "500"', '"target": "79228162514264337593543950335"'), /indicators\[0\]\.years\.2018\.target/],
    ['min-target.json', demo.replace('"target": "500"', '"target": "-79228162514264337593543950335"'), /indicators\[0\]\.years\.2018\.target/],
    ['big-weight.json', demo.replace('"matching": []', '"matching": [{"source": "national", "weight": 4294967295}]'), /weight is at most 1000000/],
    ['big-amount.json', demo.replace('"622500000"', '"1000000000000000000"'), /beyond 10\^15 won/],
    ['brackets.json', '{"format":"budget-planner/plan","version":2,"plan":' + '['.repeat(19_900_000), /nested more than 32 levels/],
  ];
  for (const [name, body, message] of cases) {
    const path = join(TMP, name);
    await writeFile(path, body);
    await page.goto(app.server.url + '#plans');
    await page.waitForSelector('[data-testid=plans-table]');
    const before = await storageSnapshot(page);
    await importFile(page, path);
    const error = page.locator('[data-testid=import-error]');
    await error.waitFor();
    assert.match(await error.innerText(), message, name);
    assert.match(await error.innerText(), new RegExp(name.replace('.', '\\.')));
    if (name === 'truncated.json') await screenshot(page, 'import-bad-file-en');
    if (name === 'brackets.json') await screenshot(page, 'import-nesting-en');
    assert.ok((await error.innerText()).length < 1024, `${name}: a short message`);
    assert.equal(await page.locator('#panic-banner').count(), 0, `${name}: no crash`);
    assert.deepEqual(await storageSnapshot(page), before, `${name} changed nothing`);
    await page.getByRole('button', { name: 'Close' }).click();
  }
  // A file saved with a byte order mark (as Windows editors do) is a plan file.
  const bom = join(TMP, 'bom.json');
  await writeFile(bom, `\ufeff${demo}`);
  await importFile(page, bom);
  await page.getByRole('button', { name: 'Add as a new plan' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a file with <script> in every name imports as plain text', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const file = JSON.parse(await readFile(join(ROOT, 'examples', 'demo-plan.json'), 'utf8'));
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  file.plan.title = evil;
  file.plan.organisation = evil;
  for (const p of file.plan.programs) { p.name = `${evil}${p.id}`; p.owner = evil; p.unit_program = evil; }
  for (const p of file.plan.pledges) { p.title = evil; for (const i of p.indicators) i.name = evil; }
  for (const s of file.plan.sources) { s.name_ko = `${evil}${s.id}`; s.name_en = `${evil}${s.id}`; }
  const path = join(TMP, 'script-names.json');
  await writeFile(path, JSON.stringify(file));
  await importFile(page, path);
  await page.getByRole('button', { name: 'Add as a new plan' }).click();
  await page.goto(app.server.url + '#status');
  assert.equal(await text(page, 'plan-title'), evil, 'shown as text');
  assert.equal(await page.locator('main img').count(), 0, 'no element was injected');
  for (const view of ['overview', 'schedule/program-6', 'pledge/pledge-1', 'settings', 'plans']) {
    await page.goto(`${app.server.url}#${view}`);
    await page.waitForSelector('.app[data-ready] main section.view');
  }
  // The deck sets its slides as HTML: every name in it is text there too.
  await page.goto(`${app.server.url}#deck`);
  await page.waitForSelector('.deck');
  for (let n = 0; n < 12; n += 1) {
    const slide = page.locator('.slide.current');
    assert.equal(await slide.locator('script, img, [onerror]').count(), 0, `slide ${n + 1}: no element was injected`);
    if (n === 1) {
      assert.match(await slide.innerText(), /<script>alert\(1\)<\/script>/, 'the name is shown as text');
      await screenshot(page, 'deck-script-names-en');
    }
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(dialogs, 0, 'no script ran');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('at the storage quota an edit is refused with a message and the saved plan survives a reload', async () => {
  const { context } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#settings');
  // Fill storage to the brim with someone else's data.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let n = 0; size >= 16; n += 1) {
      try { localStorage.setItem(`filler-${n}`, 'f'.repeat(size)); } catch { size >>= 1; }
    }
  });
  const organisation = page.getByRole('textbox', { name: /^(Organisation|Organization)/ });
  const before = await organisation.inputValue();
  // Storage deflates entries (issue 17): the edit must not compress away, so
  // it is 200,000 seeded random Hangul syllables (about 330 KB deflated).
  let seed = 17;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const incompressible = Array.from({ length: 200_000 }, () => String.fromCharCode(0xAC00 + (random() % 11172))).join('');
  await organisation.fill(incompressible);
  const notice = page.locator('.notice', { hasText: 'Storage is full' });
  await notice.waitFor({ timeout: 2000 });
  assert.match(await text(page, 'save-state'), /storage is full/);
  await screenshot(page, 'quota-refused-en');
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await page.getByRole('textbox', { name: /^(Organisation|Organization)/ }).inputValue(), before);
  await context.close();
});

test('a corrupt entry is set aside while the other plans load', async () => {
  const { context } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  await page.getByRole('button', { name: 'Add the demo plan' }).click();
  await page.waitForSelector('.app[data-ready]');
  await page.evaluate(() => localStorage.setItem('budget-planner/plan/2', '{"format":"budget-planner/plan","vers'));
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  await page.locator('.notice', { hasText: 'could not be read' }).waitFor();
  assert.match(await page.locator('tr[data-plan="2"]').innerText(), /Unreadable plan/);
  assert.equal(await page.evaluate(() => localStorage.getItem('budget-planner/quarantine/2')), '{"format":"budget-planner/plan","vers');
  await screenshot(page, 'quarantine-en');
  await page.getByRole('button', { name: /^Open · / }).first().click();
  assert.match(await text(page, 'plan-title'), /\(예시\)/);
  await context.close();
});

test('two tabs on one plan: an edit in one appears in the other, and a clash loses nothing', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const a = await openApp(context, app.server.url + '#status');
  const b = await openApp(context, app.server.url + '#status');
  await cell(a, '기본경비 · This year').fill('11,111');
  await saved(a);
  await b.waitForFunction(() => document.querySelector('#program-4-budget-this-year')?.value === '11,111');
  // Both type before either autosave: the second writer is asked.
  await cell(a, '사회적경제 활성화 · This year').fill('1');
  await cell(b, '구정의 민관협치 활성화 · This year').fill('2');
  const conflictB = b.locator('[data-testid=conflict]');
  const conflictA = a.locator('[data-testid=conflict]');
  await Promise.race([conflictA.waitFor({ timeout: 3000 }), conflictB.waitFor({ timeout: 3000 })]);
  const loser = (await conflictB.count()) ? b : a;
  await screenshot(loser, 'two-tabs-conflict-en');
  await loser.getByRole('button', { name: "Keep this tab's version" }).click();
  await saved(loser);
  // Every edit is somewhere: one in the plan, the other in the kept copy.
  const plans = await a.evaluate(() => Promise.all(Object.keys(localStorage)
    .filter((k) => /^budget-planner\/plan\/\d+$/.test(k)).map(async (k) => (await storedPlanFile(k)).plan)));
  const has = (field) => plans.some((p) => p.programs.some((q) => q.budget?.this_year === field));
  assert.ok(has('1000'), 'tab A’s edit kept');
  assert.ok(has('2000'), 'tab B’s edit kept');
  assert.ok(plans.some((p) => p.title.endsWith("(other tab's version)")));
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a reload within 100 ms of an edit keeps it', async () => {
  const { context } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  await cell(page, '기본경비 · 예산액').fill('54,321');
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await cell(page, '기본경비 · 예산액').inputValue(), '54,321');
  await context.close();
});

test('the plan downloads as CSV (BOM, Korean intact) and as XLSX', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#settings');
  const grab = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const path = join(TMP, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  };
  const csv = await grab('CSV로 내보내기 (엑셀용)');
  assert.match(csv.name, /^사회적경제-예산-공약-계획-예시-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM so Excel reads Korean');
  const rows = csv.bytes.toString('utf8').split('\r\n');
  assert.ok(rows.some((r) => r.includes('시비') && r.includes('2018') && r.includes('440000000')), 'the §1.3 cell, in won');
  const xlsx = await grab('XLSX로 내보내기 (공식 표)');
  assert.match(xlsx.name, /\.xlsx$/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP container');
  assert.ok(xlsx.bytes.includes(Buffer.from('<v>1780060</v>')), 'the §1.1 total as a number');
  assert.deepEqual(record.errors, []);
  await context.close();
});
