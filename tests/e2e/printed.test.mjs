// End to end (issue 15): checking a printed budget table as a planner re-keys
// it. A multi-year estimate in 백만원 typed as printed (DOMAIN.md §2's 2018
// column, whose printed subtotal is 1 off because the document rounded from
// won), its printed totals and 연평균; 산출기초 lines with a formula, a savings
// line and a plain amount, checked against 예산액 and read back from the CSV
// and XLSX exports; a five-source split whose two-decimal shares foot to
// 100.00 while the document's printed ones add to 100.01.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { appUnderTest, downloadFrom, newProfile, openApp, screenshot, storedOpenPlan, unzipStored, waitForStoredPlan } from './harness.mjs';

const app = appUnderTest();
const TMP = join(tmpdir(), 'budget-planner-printed');

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const text = async (page, id) => (await byTestId(page, id).innerText()).trim();
/** A total cell (its computed figure is the test id's text; the cell has the look). */
const totalCell = (page, id) => page.locator(`td[data-total="${id}"]`);
const storedPlan = storedOpenPlan;

/** Clicks into a cell, types as a person does and leaves it with Tab. */
async function typeInto(page, id, figure) {
  const input = page.locator(`#${id}`);
  await input.click();
  await page.keyboard.type(figure);
  await page.keyboard.press('Tab');
}

async function newPlan(page, title, first, last, unit) {
  await page.goto(app.server.url + '#plans');
  const form = page.locator('form.new-plan');
  await form.getByLabel('제목').fill(title);
  await form.getByLabel('시작 연도').fill(String(first));
  await form.getByLabel('끝 연도').fill(String(last));
  await form.locator('select[name=unit]').selectOption(unit);
  await page.getByRole('button', { name: '새 계획 만들기' }).click();
  await page.getByRole('heading', { name: '계획 설정' }).waitFor();
}

async function addProgram(page, name) {
  await page.goto(app.server.url + '#status');
  await page.getByRole('button', { name: '사업 추가' }).click();
  const input = page.locator('#program-1-name');
  await input.click();
  await page.keyboard.type(name);
}


const download = (page, button) => downloadFrom(page, button, TMP);

test('a multi-year estimate typed as printed gives exactly its two rounding warnings, then an error', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  await newPlan(page, '국가 사업비 추정', 2018, 2020, 'million');
  await addProgram(page, '국가 사업');
  await page.goto(app.server.url + '#schedule/program-1');
  await page.locator('#program-1-source-national-y2018').waitFor();

  // Where the user is: the document's unit, the printed totals, 연평균.
  await byTestId(page, 'grid-rounding').selectOption('million');
  await byTestId(page, 'check-printed').check();
  await byTestId(page, 'show-average').check();

  const rows = {
    national: ['1,566,173', '1,600,000', '1,700,000'],
    city: ['177,748', '180,000', '190,000'],
    district: ['48,730', '50,000', '55,000'],
  };
  for (const [source, figures] of Object.entries(rows)) {
    await page.locator(`#program-1-source-${source}-y2018`).click();
    for (const figure of figures) {
      await page.keyboard.type(figure);
      await page.keyboard.press('Tab');
    }
  }
  // The document's 계 row (its 2018 subtotal 1 off) and row totals (national 1 off).
  await typeInto(page, 'program-1-total-y2018', '1,792,652');
  await typeInto(page, 'program-1-total-y2019', '1,830,000');
  await typeInto(page, 'program-1-total-y2020', '1,945,000');
  await typeInto(page, 'program-1-source-national-printed-total', '4,866,174');
  await typeInto(page, 'program-1-source-city-printed-total', '547,748');
  await typeInto(page, 'program-1-source-district-printed-total', '153,730');
  await typeInto(page, 'program-1-total-total', '5,567,651');

  // Exactly two problems, both rounding warnings, each at its cell.
  const problems = page.locator('[data-testid="problems-panel"] li[data-code]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="problems-panel"] li[data-code]').length === 2);
  assert.deepEqual(await problems.evaluateAll((els) => els.map((e) => e.dataset.code)), ['printed.rounding', 'printed.rounding']);
  assert.match(await totalCell(page, 'total-y2018').getAttribute('class'), /printed-rounding/);
  assert.match(await totalCell(page, 'row-national-total').getAttribute('class'), /printed-rounding/);
  for (const id of ['total-y2019', 'total-y2020', 'row-city-total', 'row-district-total', 'grid-total']) {
    assert.match(await totalCell(page, id).getAttribute('class'), /printed-equal/, id);
  }
  // The computed and printed totals side by side, and the message says why.
  assert.equal(await text(page, 'total-y2018'), '1,792,651');
  assert.equal(await page.locator('#program-1-total-y2018').inputValue(), '1,792,652');
  const message = await page.locator('#program-1-total-y2018-msg').innerText();
  assert.match(message, /경고/);
  assert.match(message, /계산한 합계 1,792,651, 문서의 합계 1,792,652: 1 부족 \(백만원 단위 반올림 범위 안: 문서가 원 단위에서 반올림함\)/);
  // 연평균: the term's subtotal ÷ 3, footed down the column.
  assert.equal(await text(page, 'row-national-average'), '1,622,058');
  assert.equal(await text(page, 'row-city-average'), '182,583');
  assert.equal(await text(page, 'row-district-average'), '51,243');
  assert.equal(await text(page, 'grid-average'), '1,855,884');
  await screenshot(page, 'printed-estimate-rounding-ko');

  // Kept in the file.
  const stored = await storedPlan(page);
  const schedule = stored.programs[0].schedule;
  assert.equal(schedule.rounded_in, 'million');
  assert.equal(schedule.average, true);
  assert.equal(schedule.printed.length, 6);
  assert.deepEqual(schedule.printed.find((p) => p.column === '2018'), { column: '2018', amount: '1792652000000' });

  // In the overview: the schedule with 연평균, the printed 2018 subtotal beside the computed one.
  await page.goto(app.server.url + '#overview');
  const table = page.locator('#ov-program-1-schedule');
  await table.waitFor();
  assert.match(await table.locator('thead').innerText(), /연평균/);
  assert.equal((await byTestId(page, 'program-1-total-average').innerText()).trim(), '1,855,884');
  assert.match(await byTestId(page, 'program-1-total-y2018').innerText(), /1,792,651\s*문서 1,792,652/);
  assert.match(await byTestId(page, 'program-1-national').innerText(), /4,866,173\s*문서 4,866,174/);
  await screenshot(page, 'printed-estimate-overview-ko');

  // One figure off by 10 is beyond the rounding: an error where it shows.
  await page.goto(app.server.url + '#schedule/program-1');
  await typeInto(page, 'program-1-source-city-y2019', '180,010');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="problems-panel"] li[data-code]')]
    .some((e) => e.dataset.code === 'printed.mismatch'));
  assert.match(await totalCell(page, 'total-y2019').getAttribute('class'), /printed-wrong/);
  assert.match(await page.locator('#program-1-total-y2019-msg').innerText(), /오류.*계산한 합계 1,830,010, 문서의 합계 1,830,000: 10 초과/);
  assert.match(await totalCell(page, 'total-y2018').getAttribute('class'), /printed-rounding/, 'the rounding stays a warning');
  await screenshot(page, 'printed-estimate-error-ko');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('line items as the budget book prints them are checked against 예산액 and exported', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#items/program-4');
  // 기본경비: 예산액 75,762 천원.
  const lines = [
    ['홍보물', '5,000원 × 300부 = 1,500', null],
    ['절감액', '△250,000원 × 2', '△500'],
    ['운영비', '74,762', null],
  ];
  for (const [index, [name, basis, stated]] of lines.entries()) {
    await byTestId(page, 'add-line-item').click();
    await page.locator(`#program-4-item-${index}-name`).click();
    await page.keyboard.type(name);
    await page.locator(`#program-4-item-${index}-basis`).click();
    await page.keyboard.type(basis);
    if (stated) await typeInto(page, `program-4-item-${index}-stated`, stated);
  }
  assert.equal(await text(page, 'item-0-evaluated'), '1,500');
  assert.equal(await page.locator('#program-4-item-0-stated').inputValue(), '1,500', 'the result after = is the stated amount');
  assert.equal(await text(page, 'item-1-evaluated'), '△500');
  assert.equal(await text(page, 'item-1-difference'), '-');
  assert.equal(await text(page, 'item-2-evaluated'), '74,762', 'a plain amount is in the table unit');
  assert.equal(await page.locator('#program-4-item-2-stated').inputValue(), '', 'no stated amount: nothing to check');
  assert.equal(await text(page, 'items-total'), '75,762');
  assert.match(await text(page, 'items-budget'), /예산액 75,762\s*✓/);
  assert.match(await text(page, 'problems-panel'), /문제가 없습니다/);
  await screenshot(page, 'items-budget-book-ko');

  // The same lines in the overview, under their program.
  await page.goto(app.server.url + '#overview');
  const overview = byTestId(page, 'ov-items-4');
  await overview.waitFor();
  const overviewText = await overview.innerText();
  assert.match(overviewText, /홍보물: 5,000원 × 300부 = 1,500/);
  assert.match(overviewText, /절감액: △250,000원 × 2 = △500/);
  assert.match(overviewText, /운영비: 74,762/);
  assert.match(await byTestId(page, 'ov-items-4-total').innerText(), /계 75,762 \(예산액 75,762 ✓\)/);

  // In the CSV and the XLSX, read back.
  await page.goto(app.server.url + '#settings');
  const csv = (await download(page, 'CSV로 내보내기 (엑셀용)')).toString('utf8').split('\r\n');
  const items = csv.filter((r) => r.startsWith('산출기초,'));
  assert.equal(items.length, 3);
  assert.match(items[0], /,홍보물,,,1500000,1500,"5,000원 × 300부 = 1,500"$/);
  assert.match(items[1], /,절감액,,,-500000,-500,"△250,000원 × 2 = △500"$/);
  assert.match(items[2], /,운영비,,,74762000,74762,"74,762"$/);
  const xlsx = unzipStored(await download(page, 'XLSX로 내보내기 (공식 표)'));
  const workbook = xlsx.get('xl/workbook.xml');
  assert.match(workbook, /name="산출기초"/);
  const sheet = xlsx.get('xl/worksheets/sheet5.xml');
  for (const t of ['홍보물', '5,000원 × 300부 = 1,500', '△250,000원 × 2 = △500', '74,762']) assert.ok(sheet.includes(`>${t}<`), t);
  for (const v of ['1500', '-500', '74762', '75762']) assert.ok(sheet.includes(`<v>${v}</v>`), v);

  // A plain amount changed: the items no longer add up to 예산액.
  await page.goto(app.server.url + '#items/program-4');
  await page.locator('#program-4-item-2-basis').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('74,000');
  await page.locator('#program-4-items-total-msg').waitFor();
  assert.match(await page.locator('#program-4-items-total-msg').innerText(), /오류.*산출기초 합계 75,000, 예산액 75,762: 762 부족/);
  assert.match(await text(page, 'items-budget'), /≠/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a five-source split shows two-decimal shares footing to 100.00 and explains the printed 100.01', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');
  await newPlan(page, '다섯 재원', 2020, 2020, 'thousand');
  await page.locator('#new-source-ko').click();
  await page.keyboard.type('기금');
  await page.locator('#new-source-en').click();
  await page.keyboard.type('Fund');
  await byTestId(page, 'add-source').click();
  await page.locator('#source-2-name, [id^="source-"][id$="-name"]').nth(4).waitFor();
  await addProgram(page, '다섯 재원 사업');
  await waitForStoredPlan(page, (plan) => plan.sources.length === 5 && plan.programs.length === 1);
  const sources = (await storedPlan(page)).sources.map((s) => s.id);
  assert.equal(sources.length, 5);
  await page.goto(app.server.url + '#split/program-1');
  await typeInto(page, 'program-1-total-total', '1,000,000');
  const amounts = ['420,000', '75,555', '154,650', '222,850', '126,945'];
  for (const [i, source] of sources.entries()) await typeInto(page, `program-1-source-${source}-total`, amounts[i]);
  await byTestId(page, 'share-decimals').selectOption('2');
  const shown = [];
  for (const source of sources) shown.push(await page.locator(`#program-1-source-${source}-percent`).inputValue());
  assert.deepEqual(shown, ['42.00', '7.56', '15.46', '22.29', '12.69']);
  assert.equal(await text(page, 'split-percent-total'), '100.00');

  // The document's shares, each rounded on its own, add to 100.01.
  const printed = ['42.00', '7.56', '15.47', '22.29', '12.69'];
  for (const [i, source] of sources.entries()) await typeInto(page, `program-1-source-${source}-printed-percent`, printed[i]);
  const total = byTestId(page, 'split-printed-total');
  await page.locator('#program-1-total-printed-percent-msg').waitFor();
  assert.match(await total.innerText(), /^100\.01/);
  assert.match(await total.getAttribute('class'), /printed-rounding/);
  const message = await page.locator('#program-1-total-printed-percent-msg').innerText();
  assert.match(message, /경고.*문서의 비율 합계가 100%가 아닌 100\.01%입니다: 비율마다 따로 반올림했기 때문입니다/);
  assert.match(message, /42% \+ 7\.5555% \+ 15\.465% \+ 22\.285% \+ 12\.6945%/);
  const codes = await page.locator('[data-testid="problems-panel"] li[data-code]').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes, ['shares.printed_rounding']);
  await screenshot(page, 'split-printed-shares-ko');

  // The deck's chart of this split: the plan's two decimals, and one for this chart (D).
  await page.goto(app.server.url + '#deck');
  const slideId = await page.locator('section.slide[data-slide="program-1"]').getAttribute('id');
  await page.goto(app.server.url + `#deck/${slideId.replace('slide-', '')}`);
  await page.reload();
  const slide = page.locator('section.slide.current');
  await slide.locator('[data-testid="share-percent"]').first().waitFor();
  const percents = () => slide.locator('[data-testid="share-percent"]').allInnerTexts();
  assert.deepEqual(await percents(), ['42.00%', '7.56%', '15.46%', '22.29%', '12.69%']);
  await page.keyboard.press('d');
  await page.waitForFunction(() => document.querySelector('section.slide.current [data-testid="share-percent"]').textContent.trim() === '42.0%');
  assert.deepEqual(await percents(), ['42.0%', '7.5%', '15.5%', '22.3%', '12.7%']);
  await screenshot(page, 'deck-split-one-decimal-ko');
  await waitForStoredPlan(page, (plan) => plan.deck?.share_decimals?.['program-1'] === 1);
  await page.goto(app.server.url + '#split/program-1');

  // A printed share that is not its source's share is an error at that cell.
  await typeInto(page, `program-1-source-${sources[1]}-printed-percent`, '7.65');
  await page.locator(`#program-1-source-${sources[1]}-printed-percent-msg`).waitFor();
  assert.match(await page.locator(`#program-1-source-${sources[1]}-printed-percent-msg`).innerText(), /오류.*7\.65%.*7\.5555%/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the status table checks its printed 계 row and 증감, a cut typed as the hint shows it', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#status');
  await byTestId(page, 'status-check-printed').check();
  // 기본경비: 75,762 − 97,396 = △21,634, typed as the document prints it.
  await typeInto(page, 'program-4-budget-change', '△21,634');
  assert.match(await page.locator('tr[data-program="4"] td[data-total="row-change"]').getAttribute('class'), /printed-equal/);
  // The 계 of 예산액 printed one more than the rows (a document rounded from won).
  const total = Number((await text(page, 'total-this-year')).replaceAll(',', ''));
  await typeInto(page, 'plan-status-total-this-year', (total + 1).toLocaleString('en-US'));
  assert.match(await page.locator('td[data-total="total-this-year"]').getAttribute('class'), /printed-wrong/);
  await byTestId(page, 'status-rounding').selectOption('thousand');
  await page.waitForFunction(() => document.querySelector('td[data-total="total-this-year"]').className.includes('printed-rounding'));
  assert.match(await page.locator('#plan-status-total-this-year-msg').innerText(), /경고.*천원 단위 반올림 범위 안/);
  await screenshot(page, 'status-printed-ko');
  // The overview shows the printed 계 beside the computed one.
  await page.goto(app.server.url + '#overview');
  const cell = byTestId(page, 'ov-total-this-year').locator('xpath=..');
  assert.match(await cell.innerText(), new RegExp(`문서 ${(total + 1).toLocaleString('en-US')}`));
  assert.deepEqual(record.errors, []);
  await context.close();
});
