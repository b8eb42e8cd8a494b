// End-to-end: the overview (document and print view) of the demo plan, as a
// planner reads it, switches its unit, and prints it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appUnderTest, newProfile, openApp, screenshot, SHOTS, figure } from './harness.mjs';

const app = appUnderTest();

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).first().innerText();


/** The status table as shown: the 계 row and the unit programs' rows. */
async function statusTable(page) {
  const total = await page.locator('[data-testid="ov-status-total"] td').allInnerTexts();
  const rows = [];
  for (const row of await page.locator('#ov-status-table tr[data-program]').all()) {
    rows.push((await row.locator('td').allInnerTexts()).map(figure));
  }
  return { total: total.map(figure), rows };
}

function assertFoots({ total, rows }) {
  for (let c = 0; c < 3; c++) {
    assert.equal(rows.reduce((s, r) => s + r[c], 0), total[c], `column ${c} foots`);
  }
  for (const r of [total, ...rows]) assert.equal(r[0] - r[1], r[2], 'change = this year - prior year');
}

test('the overview shows the demo plan in the official forms, in Korean', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.getByRole('heading', { name: '사회적경제 예산·공약 계획 (예시)', level: 2 }).waitFor();
  assert.equal(await text(page, 'ov-status-caption'), '(단위: 천원)');
  const status = await statusTable(page);
  assert.deepEqual(status.total, [1780060, 654714, 1125346]);
  assert.match(await page.locator('#ov-status-table tr[data-program="4"]').innerText(), /△21,634/);
  assertFoots(status);
  assert.equal(await text(page, 'split-6'), '1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)');
  assert.equal(await text(page, 'pledge-1-total'), '3,528,000');
  assert.equal(await text(page, 'pledge-1-indicator-1-achievement'), '64.7%');
  assert.equal(await text(page, 'staffing-quota-total'), '16');
  assert.equal(await text(page, 'staffing-current-total'), '16');
  // Headings lead to the views that edit them.
  await page.getByRole('link', { name: '사회적경제기업 육성 및 역량 강화' }).click();
  assert.match(page.url(), /#split\/program-6$/);
  await page.goBack();
  await page.locator('[data-testid="split-6"]').waitFor();
  await screenshot(page, 'overview-ko');
  assert.deepEqual(record.offOrigin, [], 'no request leaves the origin');
  assert.deepEqual(record.errors, [], 'no console errors (CSP violations included)');
  await context.close();
});

test('switching the unit re-renders every table, and they still foot', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.locator('[data-testid="split-6"]').waitFor();
  assert.equal(
    await text(page, 'split-6'),
    'KRW 1,167,388 thousand (National 622,500, City 247,313, District 297,575)',
  );
  await page.getByRole('radio', { name: 'KRW 1,000,000' }).check();
  await page.locator('[data-testid="ov-status-caption"]', { hasText: '(Unit: KRW 1,000,000)' }).waitFor();
  const status = await statusTable(page);
  // Cell by cell the rows would add to 1,781 and 654; footed they add to the totals.
  assert.deepEqual(status.total, [1780, 655, 1125]);
  assertFoots(status);
  assert.equal(await text(page, 'split-6'), 'KRW 1,167 million (National 622, City 247, District 298)');
  assert.equal(await text(page, 'pledge-1-total'), '3,528');
  assert.match(await text(page, 'rounding-note'), /Rounded to the unit shown; totals foot/);
  await screenshot(page, 'overview-en');
  // The unit is kept with the plan.
  await page.reload();
  await page.locator('[data-testid="ov-status-caption"]', { hasText: '(Unit: KRW 1,000,000)' }).waitFor();
  assert.deepEqual((await statusTable(page)).total, [1780, 655, 1125]);
  await page.getByRole('radio', { name: 'KRW 1,000', exact: true }).check();
  await page.locator('[data-testid="ov-status-caption"]', { hasText: '(Unit: KRW 1,000)' }).waitFor();
  assert.deepEqual((await statusTable(page)).total, [1780060, 654714, 1125346]);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('printed, the overview is the document alone, on A4', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  await page.locator('[data-testid="split-6"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.app-header', 'nav', '.unit-switch', 'button']) {
    for (const element of await page.locator(selector).all()) {
      assert.equal(await element.isVisible(), false, `${selector} is hidden in print`);
    }
  }
  assert.equal(await page.locator('#ov-status-table').isVisible(), true);
  assert.equal(await text(page, 'ov-status-caption'), '(단위: 천원)');
  const repeated = await page.locator('#ov-status-table thead').evaluate((e) => getComputedStyle(e).display);
  assert.equal(repeated, 'table-header-group');
  await screenshot(page, 'overview-print');
  await mkdir(SHOTS, { recursive: true });
  const pdf = await page.pdf({ path: join(SHOTS, 'overview.pdf'), format: 'A4' });
  assert.ok(pdf.length > 10_000, 'a PDF was written');
  assert.deepEqual(record.errors, []);
  await context.close();
});
