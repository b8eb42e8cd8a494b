// End-to-end, as a planner would: create a plan, type the §1.3 schedule and the
// §1.4 indicator by keyboard, see 3,528 and 64.7%, mistype a share and fix it,
// paste a block, undo and redo, reload, switch unit and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot } from './harness.mjs';

const app = appUnderTest();

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();

/** Types a row of figures from the focused cell, Tab between them. */
async function typeAcross(page, startId, figures) {
  await page.locator(`#${startId}`).focus();
  for (const [i, figure] of figures.entries()) {
    await page.keyboard.type(figure);
    if (i < figures.length - 1) await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Tab');
}

test('a planner builds pledge 17 from nothing by keyboard and everything foots', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url + '#plans');

  // A new plan over the pledge's term, entered in 백만원.
  const form = page.locator('form.new-plan');
  await form.getByLabel('제목').fill('공약 17 재현');
  await form.getByLabel('시작 연도').fill('2018');
  await form.getByLabel('끝 연도').fill('2022');
  await form.locator('select[name=unit]').selectOption('million');
  await page.getByRole('button', { name: '새 계획 만들기' }).click();
  await page.getByRole('heading', { name: '계획 설정' }).waitFor();
  assert.equal(await text(page, 'plan-title'), '공약 17 재현');
  // Actuals are reported up to 2021.
  await page.locator('#plan-base-year').fill('2021');
  await page.locator('#plan-base-year').press('Enter');

  // A pledge, then its schedule typed by keyboard (DOMAIN.md §1.3).
  await page.goto(app.server.url + '#pledge');
  await page.getByRole('button', { name: '공약 추가' }).click();
  // A new pledge starts untitled (a placeholder shows what goes there).
  assert.equal(await page.locator('#pledge-1-name').getAttribute('placeholder'), '새 공약');
  await page.locator('#pledge-1-name').click();
  await page.keyboard.type('센터 공간 조성');
  await page.goto(app.server.url + '#schedule/pledge-1');
  await page.locator('#pledge-1-source-city-y2018').waitFor();
  await typeAcross(page, 'pledge-1-source-city-y2018', ['440', '540', '500', '490', '480']);
  await typeAcross(page, 'pledge-1-source-district-y2018', ['158', '185', '235', '245', '255']);
  assert.equal(await text(page, 'grid-total'), '3,528');
  const grid = page.locator('table.schedule-grid, main table').first();
  assert.match(await grid.innerText(), /2,450/);
  assert.match(await grid.innerText(), /1,078/);
  assert.match(await grid.innerText(), /598\s+725\s+735\s+735\s+735/);
  await page.locator('#pledge-1-total-total').fill('3,528');
  await page.locator('#pledge-1-total-total').press('Tab');
  assert.match(await text(page, 'problems-panel'), /문제가 없습니다/);
  await screenshot(page, 'editor-schedule-ko');

  // A mistyped share: the problem shows at the total and in the panel, with
  // expected and actual; fixing it clears both.
  await page.locator('#pledge-1-source-district-y2022').fill('265');
  const message = page.locator('#pledge-1-total-total-msg');
  await message.waitFor();
  assert.match(await message.innerText(), /오류/);
  assert.match(await message.innerText(), /연차별 금액 합계 3,538, 명시된 총계 3,528: 10 초과/);
  assert.equal(await page.locator('#pledge-1-total-total').getAttribute('aria-invalid'), 'true');
  const panel = await text(page, 'problems-panel');
  assert.match(panel, /오류 1/);
  assert.match(panel, /3,538/);
  await screenshot(page, 'editor-mistyped-share-ko');
  await page.locator('#pledge-1-source-district-y2022').fill('255');
  await message.waitFor({ state: 'detached' });
  assert.match(await text(page, 'problems-panel'), /문제가 없습니다/);

  // The indicator (DOMAIN.md §1.4), typed by keyboard.
  await page.goto(app.server.url + '#pledge/pledge-1');
  await page.getByRole('button', { name: '지표 추가' }).click();
  await page.locator('#pledge-1-indicator-1-name').fill('센터 공간 주민 이용 실적');
  await page.locator('#pledge-1-indicator-1-unit').fill('건');
  await typeAcross(page, 'pledge-1-indicator-1-target-y2018', ['500', '550', '600', '650', '700']);
  await typeAcross(page, 'pledge-1-indicator-1-actual-y2018', ['632', '967', '342']);
  assert.equal(await text(page, 'achievement-1-1'), '64.7%');
  assert.match(await page.locator('#pledge-1-indicator-1-target-total').innerText(), /3,000/);
  assert.match(await page.locator('#pledge-1-indicator-1-actual-total').innerText(), /1,941/);
  await screenshot(page, 'editor-indicator-ko');

  // Paste a block from a spreadsheet into the 국비 row, then undo and redo it.
  await page.goto(app.server.url + '#schedule/pledge-1');
  const national = page.locator('#pledge-1-source-national-y2018');
  await national.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '10\t20\t30\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-testid=grid-total]', { hasText: '3,588' }).waitFor();
  await page.locator('body').press('Control+z');
  await page.locator('[data-testid=grid-total]', { hasText: '3,528' }).waitFor();
  await page.locator('body').press('Control+Shift+z');
  await page.locator('[data-testid=grid-total]', { hasText: '3,588' }).waitFor();
  await page.getByRole('button', { name: '실행 취소' }).click();
  await page.locator('[data-testid=grid-total]', { hasText: '3,528' }).waitFor();

  // Reload: everything is there.
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await text(page, 'grid-total'), '3,528');
  await page.goto(app.server.url + '#pledge/pledge-1');
  assert.equal(await text(page, 'achievement-1-1'), '64.7%');

  // Switch language: the same figures in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Pledge targets' }).waitFor();
  assert.equal(await text(page, 'achievement-1-1'), '64.7%');
  await screenshot(page, 'editor-indicator-en');

  // Switch the display unit to 천원: the overview re-renders every table, still footing.
  await page.goto(app.server.url + '#overview');
  await page.getByRole('radio', { name: 'KRW 1,000', exact: true }).check();
  const overview = await page.locator('main').innerText();
  assert.match(overview, /3,528,000/);
  assert.match(overview, /2,450,000/);
  await screenshot(page, 'editor-overview-thousand-en');

  assert.deepEqual(record.offOrigin, []);
  if (process.env.DEBUG_E2E) console.log(JSON.stringify(record.errors, null, 1));
  assert.deepEqual(record.errors, []);
  await context.close();
});
