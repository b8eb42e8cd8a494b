// End-to-end: the built app in headless Chromium, used as a planner would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot } from './harness.mjs';

const app = appUnderTest();

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
const cell = (page, label) => page.getByRole('textbox', { name: label, exact: true });

test('a Korean browser first sees the seed budget status table in Korean', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  await assert.doesNotReject(page.getByRole('heading', { name: '예산현황' }).waitFor());
  assert.equal(await text(page, 'unit-caption'), '(단위: 천원)');
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  assert.equal(await text(page, 'total-prior-year'), '654,714');
  assert.equal(await text(page, 'total-change'), '1,125,346');
  const basic = page.locator('tr[data-program="4"]');
  assert.match(await basic.innerText(), /△21,634/);
  assert.equal(await cell(page, '기본경비 · 예산액').inputValue(), '75,762');
  await screenshot(page, 'status-ko');
  assert.deepEqual(record.offOrigin, [], 'no request leaves the origin');
  assert.deepEqual(record.errors, [], 'no console errors (CSP violations included)');
  await context.close();
});

test('an English browser sees English, and the language choice is remembered', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { name: 'Budget status' }).waitFor();
  assert.equal(await text(page, 'unit-caption'), '(Unit: KRW 1,000)');
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  await screenshot(page, 'status-en');
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('heading', { name: '예산현황' }).waitFor();
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  await page.getByRole('heading', { name: '예산현황' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('typing updates the total and the △ change at once, and a reload keeps it', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  const input = cell(page, '기본경비 · 예산액');
  await input.click();
  await input.fill('');
  await input.pressSequentially('50,000');
  assert.equal(await text(page, 'total-this-year'), '1,754,298');
  assert.equal(await text(page, 'total-change'), '1,099,584');
  const basic = page.locator('tr[data-program="4"]');
  assert.match(await basic.innerText(), /△47,396/);
  // The planners' other spellings mean the same figure.
  await input.fill('△1,000');
  assert.equal(await text(page, 'total-this-year'), '1,703,298');
  await input.fill('-1000');
  assert.equal(await text(page, 'total-this-year'), '1,703,298');
  await input.fill('1234567');
  await input.press('Tab');
  assert.equal(await input.inputValue(), '1,234,567');
  assert.equal(await text(page, 'total-this-year'), '2,938,865');
  // Autosave writes within 250 ms of the last keystroke.
  await page.locator('[data-testid=save-state]', { hasText: '저장됨' }).waitFor({ timeout: 1000 });
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await cell(page, '기본경비 · 예산액').inputValue(), '1,234,567');
  assert.equal(await text(page, 'total-this-year'), '2,938,865');
  await screenshot(page, 'status-ko-edited');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a letter in a number cell gets a message at the cell and loses nothing', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  const input = cell(page, '기본경비 · This year');
  await input.click();
  await page.keyboard.type('12a');
  const message = page.locator('#program-4-budget-this-year-msg');
  await message.waitFor();
  assert.match(await message.innerText(), /'a'.*not part of a number/);
  assert.match(await message.innerText(), /The plan keeps 75,762/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await input.getAttribute('aria-describedby'), 'program-4-budget-this-year-msg');
  assert.equal(await text(page, 'total-this-year'), '1,780,060', 'the value the cell was entered with stays in the plan');
  // The problems panel lists the unreadable entry, linked to its cell.
  assert.match(await text(page, 'problems-panel'), /the entry “12a” cannot be taken/);
  await screenshot(page, 'status-en-bad-entry');
  // A reload keeps what was typed, and says so, while the plan keeps its figure.
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  const again = cell(page, '기본경비 · This year');
  assert.equal(await again.inputValue(), '12a');
  assert.match(await page.locator('#program-4-budget-this-year-msg').innerText(), /'a'/);
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  // Fixing the entry clears the message.
  await again.click();
  await page.keyboard.type('12');
  assert.equal(await page.locator('#program-4-budget-this-year-msg').count(), 0);
  assert.equal(await text(page, 'total-this-year'), '1,704,310');
  assert.match(await text(page, 'problems-panel'), /No problems/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('programs can be added, named and removed; the settings view exports JSON', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  await page.getByRole('button', { name: 'Add unit program' }).click();
  const name = page.getByRole('textbox', { name: 'Unit program name · New unit program' });
  await name.fill('청년 일자리');
  await cell(page, '청년 일자리 · This year').fill('1,000');
  assert.equal(await text(page, 'total-this-year'), '1,781,060');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  assert.match(page.url(), /#settings$/);
  assert.match(await page.locator('dl.facts').innerText(), /Unit programs\s+5\b/);
  await screenshot(page, 'plan-details-en');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as JSON file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^사회적경제-예산-공약-계획-예시-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  assert.equal(file.format, 'budget-planner/plan');
  assert.equal(file.version, 3);
  const added = file.plan.programs.find((p) => p.name === '청년 일자리');
  assert.equal(added.budget.this_year, '1000000', 'amounts are strings in won');
  await page.getByRole('link', { name: 'Budget status' }).click();
  await page.getByRole('button', { name: 'Remove · 청년 일자리' }).click();
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('Ctrl+Z undoes an edit and Ctrl+Shift+Z redoes it; the result survives a reload', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  const input = cell(page, '기본경비 · This year');
  await input.fill('');
  await input.pressSequentially('90,000');
  assert.equal(await text(page, 'total-this-year'), '1,794,298');
  await page.keyboard.press('Control+z');
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  assert.equal(await input.inputValue(), '75,762');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await text(page, 'total-this-year'), '1,794,298');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await text(page, 'total-this-year'), '1,780,060');
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await text(page, 'total-this-year'), '1,794,298');
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await text(page, 'total-this-year'), '1,794,298');
  await screenshot(page, 'status-en-after-redo');
  assert.deepEqual(record.errors, []);
  await context.close();
});
