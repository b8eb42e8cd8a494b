// End to end (issue 16): budget stages as a planner moves the demo plan
// through them. 편성안 from 부서 요구 with two programs cut and one raised,
// adopted (locked); 제1회 추경 with a split changed; the compare view in 천원
// and 백만원, the deck's step slides, the XLSX comparison sheets read back; a
// locked stage refusing a typed figure with a message, and Undo; then the
// demo copied forward to its next year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { appUnderTest, downloadFrom, newProfile, openApp, screenshot, storedOpenPlan, unzipStored } from './harness.mjs';

const app = appUnderTest();
const TMP = join(tmpdir(), 'budget-planner-stages');

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const text = async (locator) => (await locator.innerText()).trim();
const storedPlan = storedOpenPlan;

/** Clicks into a cell, types as a person does and leaves it with Tab. */
async function typeInto(page, id, figure) {
  await page.locator(`#${id}`).click();
  await page.keyboard.type(figure);
  await page.keyboard.press('Tab');
}

/** The cells of a compare row: 기정액, 경정액, 증감. */
async function compareRow(page, id) {
  const row = byTestId(page, id);
  const cells = await row.locator('td.num').allInnerTexts();
  return cells.map((c) => c.trim());
}


/** A sheet's rows as arrays of texts and numbers, in column order. */
function sheetRows(xml) {
  return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map(([, row]) =>
    [...row.matchAll(/<c r="[A-Z]+\d+" s="\d+"(?: t="inlineStr")?(?:\/>|>(?:<is><t xml:space="preserve">(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>)/g)]
      .map(([, t, v]) => (v !== undefined ? Number(v) : (t ?? ''))));
}

const download = (page, button) => downloadFrom(page, button, TMP);

test('request, proposal, adoption and a supplementary budget: compared, presented, exported, locked', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  assert.equal(await text(byTestId(page, 'stage-name')), '부서 요구');

  // 편성안 from 부서 요구: the suggested name, a copy of the request.
  await page.getByRole('link', { name: '예산 단계' }).click();
  await byTestId(page, 'add-stage').waitFor();
  assert.equal(await byTestId(page, 'new-stage-name').getAttribute('placeholder'), '편성안');
  await byTestId(page, 'add-stage').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-name"]').textContent.trim() === '편성안');
  assert.equal(await byTestId(page, 'compare-same').count(), 1, 'a new stage holds the same money');

  // Cut two programs and add to one, in the status table, as a person types.
  await page.goto(app.server.url + '#status');
  await typeInto(page, 'program-1-budget-this-year', '600,000');
  await typeInto(page, 'program-3-budget-this-year', '800,000');
  await typeInto(page, 'program-2-budget-this-year', '270,500');

  // Adopt it: locked.
  await page.goto(app.server.url + '#stages');
  await byTestId(page, 'stage-2').locator('[data-testid="lock-stage"]').click();
  await page.waitForFunction(() => /확정/.test(document.querySelector('[data-testid="stage-bar"]').textContent));
  await screenshot(page, 'stages-proposal-locked-ko');

  // A locked stage refuses a typed figure, says so where the user is, and keeps the figure.
  await page.goto(app.server.url + '#status');
  const cell = page.locator('#program-1-budget-this-year');
  await cell.click();
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  const notice = byTestId(page, 'locked-notice');
  await notice.waitFor();
  assert.match(await text(notice), /‘편성안’ 단계는 확정되어 잠겨 있으므로 금액을 고치지 않았습니다/);
  assert.equal(await cell.inputValue(), '600,000');
  assert.equal(await cell.getAttribute('readonly'), '');
  await screenshot(page, 'stages-locked-refusal-ko');
  // A pasted figure is refused the same way.
  await cell.click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '5');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await cell.inputValue(), '600,000');
  assert.equal((await storedPlan(page)).programs[0].budget.this_year, '600000000');
  // Undo takes back the last edit that was made (the lock), nothing the stage refused.
  await page.getByRole('button', { name: '실행 취소' }).click();
  await page.waitForFunction(() => !/확정/.test(document.querySelector('[data-testid="stage-bar"]').textContent));
  assert.equal(await cell.inputValue(), '600,000', 'the cuts stay');
  assert.equal(await cell.getAttribute('readonly'), null);
  await page.getByRole('button', { name: '다시 실행' }).click();
  await page.waitForFunction(() => /확정/.test(document.querySelector('[data-testid="stage-bar"]').textContent));

  // 제1회 추경 from the adopted proposal; a split changed (national down, city up).
  await page.goto(app.server.url + '#stages');
  await byTestId(page, 'new-stage-name').click();
  await page.keyboard.type('제1회 추경');
  await byTestId(page, 'add-stage').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-name"]').textContent.trim() === '제1회 추경');
  await page.goto(app.server.url + '#split/program-6');
  await typeInto(page, 'program-6-source-national-total', '600,000');
  await typeInto(page, 'program-6-source-city-total', '269,813');

  // The compare view: 편성안 → 제1회 추경 by default, exactly the split's two cells.
  await page.goto(app.server.url + '#stages');
  const compare = byTestId(page, 'stage-compare');
  await compare.waitFor();
  assert.match(await text(compare.locator('caption')), /편성안 → 제1회 추경/);
  assert.equal(await compare.locator('tr.changed').count(), 2);
  assert.deepEqual(await compareRow(page, 'compare-shares-program-6-national'), ['622,500', '600,000', '△22,500']);
  assert.deepEqual(await compareRow(page, 'compare-shares-program-6-city'), ['247,313', '269,813', '22,500']);
  assert.deepEqual(await compareRow(page, 'compare-budget-total'), ['1,746,262', '1,746,262', '-']);

  // 부서 요구 → 제1회 추경: the three 예산액 and the two shares, footed in 천원 …
  await byTestId(page, 'compare-before').selectOption({ label: '부서 요구' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="stage-compare"] tr.changed').length === 5);
  assert.deepEqual(await compareRow(page, 'compare-budget-program-1'), ['625,648', '600,000', '△25,648']);
  assert.deepEqual(await compareRow(page, 'compare-budget-program-2'), ['262,000', '270,500', '8,500']);
  assert.deepEqual(await compareRow(page, 'compare-budget-program-3'), ['816,650', '800,000', '△16,650']);
  assert.deepEqual(await compareRow(page, 'compare-budget-unchanged'), ['75,762', '75,762', '-']);
  assert.deepEqual(await compareRow(page, 'compare-budget-total'), ['1,780,060', '1,746,262', '△33,798']);
  assert.match(await text(byTestId(page, 'compare-budget-unchanged')), /변동 없음 1건/);
  await screenshot(page, 'stages-compare-thousand-ko');
  // … and in 백만원, where every row and column still adds up.
  await page.locator('.compare-choice select').nth(2).selectOption('million');
  await page.waitForFunction(() => /백만원/.test(document.querySelector('[data-testid="stage-compare"] caption').textContent));
  const rows = ['compare-budget-program-1', 'compare-budget-program-2', 'compare-budget-program-3', 'compare-budget-unchanged'];
  const millions = await Promise.all(rows.map((id) => compareRow(page, id)));
  assert.deepEqual(millions, [['625', '600', '△25'], ['262', '270', '8'], ['817', '800', '△17'], ['76', '76', '-']]);
  assert.deepEqual(await compareRow(page, 'compare-budget-total'), ['1,780', '1,746', '△34']);
  const num = (t) => (t === '-' ? 0 : Number(t.replace('△', '-').replaceAll(',', '')));
  for (const row of await page.locator('[data-testid="stage-compare"] tr.changed').all()) {
    const [b, a, c] = (await row.locator('td.num').allInnerTexts()).map((t) => num(t.trim()));
    assert.equal(b + c, a, 'each row foots across');
  }
  await screenshot(page, 'stages-compare-million-ko');

  // The overview: the stage being edited against the one before.
  await page.goto(app.server.url + '#overview');
  const section = page.locator('.stages-section [data-testid="stage-compare"]');
  await section.waitFor();
  assert.equal(await section.locator('tr.changed').count(), 2);

  // The deck: one slide per step, the largest changes as diverging bars.
  await page.goto(app.server.url + '#deck');
  await page.locator('section.slide.current').waitFor();
  const keys = await page.locator('section.slide').evaluateAll((s) => s.map((e) => e.dataset.slide));
  assert.deepEqual(keys.filter((k) => k.startsWith('stages-')), ['stages-2', 'stages-3']);
  await page.keyboard.press('End');
  let slide = page.locator('section.slide.current');
  while ((await slide.getAttribute('data-slide')) !== 'stages-2') {
    await page.keyboard.press('ArrowLeft');
    slide = page.locator('section.slide.current');
  }
  assert.match(await text(slide.locator('h2')), /단계별 변동: 부서 요구 → 편성안/);
  assert.equal(await text(slide.locator('[data-testid="slide-stage-change"]')), '△33,798');
  assert.deepEqual((await slide.locator('svg text.bar-total').allTextContents()).map((t) => t.trim()), ['△25,648', '8,500', '△16,650']);
  await screenshot(page, 'stages-deck-proposal-ko');
  await page.keyboard.press('ArrowRight');
  slide = page.locator('section.slide.current');
  assert.equal(await slide.getAttribute('data-slide'), 'stages-3');
  assert.deepEqual((await slide.locator('svg text.bar-total').allTextContents()).map((t) => t.trim()), ['△22,500', '22,500']);
  await page.keyboard.press('T');
  await slide.locator('table.slide-table').waitFor();
  const tableRows = await slide.locator('table.slide-table tbody tr').allInnerTexts();
  assert.match(tableRows[1], /사회적경제기업 육성 및 역량 강화 · 국비\s+622,500\s+600,000\s+△22,500/);
  await screenshot(page, 'stages-deck-supplementary-table-ko');
  await page.keyboard.press('Escape');

  // The XLSX: one sheet per step, holding the same figures.
  await page.goto(app.server.url + '#settings');
  const xlsx = unzipStored(await download(page, 'XLSX로 내보내기 (공식 표)'));
  const workbook = xlsx.get('xl/workbook.xml');
  assert.match(workbook, /name="1\. 부서 요구→편성안"/);
  assert.match(workbook, /name="2\. 편성안→제1회 추경"/);
  const first = sheetRows(xlsx.get('xl/worksheets/sheet6.xml'));
  const find = (sheet, name, source = '') => sheet.find((r) => r[0] === name && (r[1] ?? '') === source)?.slice(2);
  assert.deepEqual(find(first, '사회적경제 활성화'), [625648, 600000, -25648]);
  assert.deepEqual(find(first, '구정의 민관협치 활성화'), [262000, 270500, 8500]);
  assert.deepEqual(find(first, '청년의 행복한 사회진입 환경조성'), [816650, 800000, -16650]);
  assert.deepEqual(find(first, '변동 없음 (1개)'), [75762, 75762, 0]);
  assert.deepEqual(find(first, '계'), [1780060, 1746262, -33798]);
  const second = sheetRows(xlsx.get('xl/worksheets/sheet7.xml'));
  assert.deepEqual(find(second, '사회적경제기업 육성 및 역량 강화', '국비'), [622500, 600000, -22500]);
  assert.deepEqual(find(second, '사회적경제기업 육성 및 역량 강화', '시비'), [247313, 269813, 22500]);

  // The file keeps every stage; the adopted one is locked.
  const stored = await storedPlan(page);
  assert.deepEqual(stored.stages.map((s) => [s.id, s.name, s.locked]), [[1, '부서 요구', false], [2, '편성안', true], [3, '제1회 추경', false]]);
  assert.equal(stored.current_stage, 3);
  // A stage lists only the programs whose money differs from the stage being edited.
  assert.deepEqual(stored.stages[0].figures.programs.map((p) => p.id), [1, 2, 3, 6]);
  assert.equal(stored.stages[0].figures.programs[0].budget.this_year, '625648000');
  assert.deepEqual(stored.stages[1].figures.programs.map((p) => p.id), [6]);
  assert.equal(stored.programs[0].budget.this_year, '600000000');

  // Switching back to the request shows its own figures.
  await page.goto(app.server.url + '#stages');
  await byTestId(page, 'stage-1').locator('[data-testid="switch-stage"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-name"]').textContent.trim() === '부서 요구');
  await page.goto(app.server.url + '#status');
  assert.equal(await page.locator('#program-1-budget-this-year').inputValue(), '625,648');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('copy forward: next year\'s plan from the demo, previewed first', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#stages');
  const before = await storedPlan(page);
  await byTestId(page, 'copy-forward').click();
  const preview = byTestId(page, 'forward-preview');
  await preview.waitFor();
  const lines = await preview.locator('li').allInnerTexts();
  assert.match(lines[0], /계획 기간 2014–2022 → 2015–2023, 기준연도 2021 → 2022/);
  assert.match(lines[1], /전년도 예산액 ← 부서 요구의 예산액: 사업 4개, 계 1,780,060/);
  assert.match(lines[2], /2015년 이전 연도의 금액 → 기투자: 2칸, 계 8,000/);
  await screenshot(page, 'stages-copy-forward-preview-ko');
  await byTestId(page, 'forward-create').click();
  await page.waitForFunction(() => /2022년/.test(document.querySelector('[data-testid="plan-title"]').textContent));

  const next = await storedPlan(page);
  assert.deepEqual(next.years, { first: 2015, last: 2023 });
  assert.equal(next.base_year, 2022);
  for (const [i, program] of before.programs.slice(0, 4).entries()) {
    assert.equal(next.programs[i].budget.prior_year, program.budget.this_year, program.name);
  }
  // 2014's money (the workshop) is now 기투자, none lost.
  const workshop = next.programs.find((p) => p.id === 11).schedule.rows;
  assert.deepEqual(workshop.map((r) => [r.source, r.before, Object.keys(r.years)]), [['district', '4000000', []], ['city', '4000000', []]]);
  assert.equal(next.pledges[0].indicators[0].years['2022'].target, '700');
  assert.deepEqual(next.stages.map((s) => [s.name, s.year]), [['부서 요구', 2022]]);
  // The plan it came from is still there, as it was.
  await page.goto(app.server.url + '#plans');
  await byTestId(page, 'plans-table').locator('tbody tr').nth(1).waitFor();
  const titles = await byTestId(page, 'plans-table').locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('input')].map((i) => i.value).join(' ') + r.innerText));
  assert.equal(titles.length, 2, titles.join(' | '));
  assert.ok(titles.some((t) => t.includes(before.title) && !t.includes('2022년')), titles.join(' | '));
  assert.ok(titles.some((t) => t.includes('(2022년)')), titles.join(' | '));
  assert.deepEqual(record.errors, []);
  await context.close();
});
