// End-to-end: the schedule grid and the funding split in the built app, used
// as a planner would: the pledge card's schedule (DOMAIN.md §1.3), a block
// pasted from a spreadsheet and undone, and a program's split (§1.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot } from './harness.mjs';

const app = appUnderTest();

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
const cell = (page, label) => page.getByRole('textbox', { name: label, exact: true });

/** A paste event carrying `tsv` as a spreadsheet puts it on the clipboard. */
async function pasteInto(locator, tsv) {
  await locator.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
}

test('the pledge schedule foots, takes a pasted block as one step, and undoes it', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.goto(app.server.url + '#schedule/pledge-1');
  await page.waitForSelector('[data-testid="grid-total"]');
  assert.equal(await text(page, 'grid-unit-caption'), '(단위: 백만원)');
  assert.equal(await text(page, 'grid-total'), '3,528');
  assert.equal(await text(page, 'grid-in-term'), '3,528');
  assert.equal(await text(page, 'total-y2018'), '598');
  assert.equal(await text(page, 'row-city-total'), '2,450');
  assert.equal(await text(page, 'row-district-total'), '1,078');
  assert.match(await text(page, 'difference'), /^- \(일치\)$/);
  await screenshot(page, 'schedule-ko');

  // Type into a cell: the row, the column and the corner follow.
  const city2018 = cell(page, '시비 · 2018');
  await city2018.click();
  await page.keyboard.type('500');
  assert.equal(await text(page, 'row-city-total'), '2,510');
  assert.equal(await text(page, 'total-y2018'), '658');
  assert.equal(await text(page, 'difference'), '60 (초과)');
  // Esc abandons the entry.
  await page.keyboard.press('Escape');
  assert.equal(await city2018.inputValue(), '440');
  assert.equal(await text(page, 'grid-total'), '3,528');
  // ↓ moves to the cell below.
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pledge-1-source-district-y2018');

  // A block from a spreadsheet, pasted into 시비 · 2019.
  const city2019 = cell(page, '시비 · 2019');
  await city2019.focus();
  await pasteInto(city2019, '1,000\t△21\t-\r\n\t5\t7\r\n');
  await page.waitForFunction(() => document.querySelector('[data-testid="grid-total"]').innerText === '2,324');
  assert.equal(await city2019.inputValue(), '1,000');
  assert.equal(await cell(page, '시비 · 2020').inputValue(), '△21');
  assert.equal(await cell(page, '구비 · 2021').inputValue(), '7');
  assert.equal(await text(page, 'row-city-total'), '1,899');
  // The negative cell is marked with a symbol and a word, not colour alone.
  assert.match(await page.locator('#pledge-1-source-city-y2020-msg').innerText(), /오류/);

  // One Ctrl+Z undoes the whole block.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-testid="grid-total"]').innerText === '3,528');
  assert.equal(await city2019.inputValue(), '540');
  assert.equal(await cell(page, '구비 · 2021').inputValue(), '245');

  // A bad block changes nothing and says where.
  await pasteInto(city2019, '1\t2\n3\t4x\n');
  await page.locator('[data-testid="grid-message"]').filter({ hasText: '4x' }).waitFor();
  assert.match(await text(page, 'grid-message'), /2행 2열/);
  assert.match(await text(page, 'grid-message'), /구비 · 2020/);
  assert.equal(await text(page, 'grid-total'), '3,528');

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Schedule by year and source' }).waitFor();
  assert.equal(await text(page, 'grid-unit-caption'), '(Unit: KRW 1,000,000)');
  await page.locator('#pledge-1-source-city-y2018').focus();
  await screenshot(page, 'schedule-en');

  assert.deepEqual(record.offOrigin, [], 'no request leaves the origin');
  assert.deepEqual(record.errors, [], 'no console errors (CSP violations included)');
  await context.close();
});

test('the funding split applies a 50:30:20 ratio exactly and keeps the difference in view', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.goto(app.server.url + '#split/program-6');
  await page.waitForSelector('[data-testid="split-difference"]');
  assert.equal(await text(page, 'shares-sum'), '1,167,388');
  assert.equal(await text(page, 'split-percent-total'), '100.0');
  assert.equal(await cell(page, '국비 · 비율(%)').inputValue(), '53.3');
  await screenshot(page, 'split-ko');

  for (const [name, weight] of [['국비', '50'], ['시비', '30'], ['구비', '20']]) {
    await cell(page, `${name} · 매칭 비율`).fill(weight);
    await cell(page, `${name} · 매칭 비율`).press('Tab');
  }
  await page.locator('#program-6-source-city-total-msg').waitFor();
  await page.getByTestId('apply-ratio').click();
  await page.waitForFunction(() => document.querySelector('#program-6-source-city-total').value === '350,216');
  assert.equal(await cell(page, '국비 · 금액').inputValue(), '583,694');
  assert.equal(await cell(page, '구비 · 금액').inputValue(), '233,478');
  assert.equal(await text(page, 'shares-sum'), '1,167,388');
  assert.match(await text(page, 'split-gap'), /일치/);

  // A share cut: the difference shows, then the remainder goes to 구비.
  await cell(page, '시비 · 비율(%)').fill('25');
  await cell(page, '시비 · 비율(%)').press('Enter');
  await page.locator('[data-testid="split-gap"]').filter({ hasText: '부족' }).waitFor();
  assert.equal(await cell(page, '시비 · 금액').inputValue(), '291,847');
  await page.getByTestId('remainder-district').click();
  await page.locator('[data-testid="split-gap"]').filter({ hasText: '일치' }).waitFor();
  assert.equal(await cell(page, '구비 · 금액').inputValue(), '291,847');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Funding split' }).waitFor();
  await screenshot(page, 'split-en');
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});
