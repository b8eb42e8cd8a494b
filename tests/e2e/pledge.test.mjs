// End-to-end: the pledge targets, line items and settings views on the demo plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, screenshot } from './harness.mjs';

const app = appUnderTest();

const text = async (page, selector) => (await page.locator(selector).innerText()).trim();

async function openView(context, fragment) {
  const page = await openApp(context, app.server.url);
  await page.goto(app.server.url + fragment);
  await page.waitForSelector('.app[data-ready]');
  return page;
}

test('the pledge card shows the seed indicator, and a new indicator is typed by keyboard', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openView(context, '#pledge/pledge-1');
  await page.getByRole('heading', { name: '공약 목표와 실적' }).waitFor();
  assert.equal(await page.locator('#pledge-1-name').inputValue(), '마을사회적경제지원센터 운영 활성화와 지원체계 강화');
  assert.equal(await text(page, '[data-testid="pledge-term"]'), '2018–2022');
  assert.equal(await text(page, '#pledge-1-indicator-1-target-total [data-testid="figure"]'), '3,000');
  assert.equal(await text(page, '#pledge-1-indicator-1-actual-total [data-testid="figure"]'), '1,941');
  assert.equal(await text(page, '[data-testid="achievement-1-1"]'), '64.7%');
  const bar = page.getByRole('progressbar', { name: '센터 공간 주민 이용 실적 · 이행율' });
  assert.equal(await bar.getAttribute('aria-valuetext'), '64.7%');
  assert.equal(await page.getByRole('textbox', { name: '센터 공간 주민 이용 실적 · 실적 · 2020', exact: true }).inputValue(), '342');
  assert.match(await page.getByRole('textbox', { name: '비고 · 2020' }).inputValue(), /코로나19/);
  // Classification: the seed card's boxes, operable by keyboard.
  assert.equal(await page.getByRole('radio', { name: '이행 후 계속추진' }).isChecked(), true);
  assert.equal(await page.getByRole('button', { name: /^SDG 8 · / }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: /^SDG 13 · / }).focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('button', { name: /^SDG 13 · / }).getAttribute('aria-pressed'), 'true');

  // A new indicator, typed by keyboard: five targets with Tab between them, then an actual.
  await page.getByRole('button', { name: '지표 추가' }).click();
  const first = page.locator('#pledge-1-indicator-2-target-y2018');
  await first.waitFor();
  await first.focus();
  for (const figure of ['100', '200', '300', '400', '500']) {
    await page.keyboard.type(figure);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('1,200');
  await page.keyboard.press('Tab');
  assert.equal(await text(page, '#pledge-1-indicator-2-target-total [data-testid="figure"]'), '1,500');
  assert.equal(await text(page, '#pledge-1-indicator-2-actual-total [data-testid="figure"]'), '1,200');
  assert.equal(await text(page, '[data-testid="achievement-1-2"]'), '80.0%');
  assert.equal(await page.locator('#pledge-1-indicator-2-target-y2022').inputValue(), '500');
  await page.reload();
  await page.waitForSelector('#pledge-1-indicator-2-target-y2022');
  assert.equal(await text(page, '[data-testid="achievement-1-2"]'), '80.0%');
  await screenshot(page, 'pledge-ko');
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, [], 'no console errors (CSP violations included)');
  await context.close();
});

test('in English, a letter in a target cell gets a message and the plan keeps its value', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openView(context, '#pledge/pledge-1');
  await page.getByRole('heading', { name: 'Pledge targets' }).waitFor();
  assert.equal(await text(page, '[data-testid="achievement-1-1"]'), '64.7%');
  const cell = page.getByRole('textbox', { name: '센터 공간 주민 이용 실적 · Target · 2019', exact: true });
  await cell.fill('55o');
  const message = page.locator('#pledge-1-indicator-1-target-y2019-msg');
  await message.waitFor();
  assert.match(await message.innerText(), /'o'.*not part of a number/);
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.equal(await text(page, '#pledge-1-indicator-1-target-total [data-testid="figure"]'), '3,000');
  assert.equal(await text(page, '[data-testid="achievement-1-1"]'), '64.7%');
  await screenshot(page, 'pledge-en');
  await cell.fill('650');
  assert.equal(await message.count(), 0);
  assert.equal(await text(page, '#pledge-1-indicator-1-target-total [data-testid="figure"]'), '3,100');
  assert.equal(await text(page, '[data-testid="achievement-1-1"]'), '62.6%');
  assert.deepEqual(record.errors, []);
  await context.close();
});

for (const [locale, lang] of [['ko-KR', 'ko'], ['en-US', 'en']]) {
  test(`line items evaluate their basis (${lang})`, async () => {
    const { context, record } = await newProfile(app.browser, locale, app.server.url);
    const page = await openView(context, '#items/program-5');
    await page.getByRole('button', { name: lang === 'ko' ? '항목 추가' : 'Add line item' }).click();
    await page.getByRole('button', { name: lang === 'ko' ? '항목 추가' : 'Add line item' }).click();
    await page.locator('#program-5-item-0-name').fill(lang === 'ko' ? '홍보물 제작' : 'Leaflets');
    await page.locator('#program-5-item-0-basis').fill('5,000원 × 300부');
    assert.equal(await text(page, '[data-testid="item-0-evaluated"]'), '1,500');
    await page.locator('#program-5-item-0-stated').fill('1,500');
    assert.equal(await text(page, '[data-testid="item-0-difference"]'), '-');
    await page.locator('#program-5-item-1-name').fill(lang === 'ko' ? '강사수당' : 'Lecturers');
    await page.locator('#program-5-item-1-basis').fill('200,000원 × 2명 × 12회');
    await page.locator('#program-5-item-1-stated').fill('4,000');
    assert.equal(await text(page, '[data-testid="item-1-evaluated"]'), '4,800');
    assert.match(await text(page, '[data-testid="item-1-difference"]'), /△800/);
    await page.locator('#program-5-item-1-stated-msg').waitFor();
    await screenshot(page, `items-${lang}`);
    assert.deepEqual(record.errors, []);
    await context.close();
  });

  test(`settings hold the years and sources (${lang})`, async () => {
    const { context, record } = await newProfile(app.browser, locale, app.server.url);
    const page = await openView(context, '#settings');
    await page.getByRole('heading', { name: lang === 'ko' ? '계획 설정' : 'Settings' }).waitFor();
    assert.equal(await page.locator('#plan-first-year').inputValue(), '2014');
    assert.equal(await page.locator('#plan-last-year').inputValue(), '2022');
    assert.equal(await page.locator('#plan-base-year').inputValue(), '2021');
    const city = lang === 'ko' ? '시비' : 'City';
    assert.equal(await page.getByRole('button', { name: `${lang === 'ko' ? '삭제' : 'Remove'} · ${city}` }).isDisabled(), true);
    await screenshot(page, `settings-${lang}`);
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}
