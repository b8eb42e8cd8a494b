// End to end: one concept, one word. The overview, the pledge card (the
// editor) and the briefing deck print the same classification words, the
// same pledge label and the same percentages, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp } from './harness.mjs';

const app = appUnderTest();

for (const locale of ['ko-KR', 'en-US']) {
  test(`classification words, pledge labels and percentages agree across views (${locale})`, async () => {
    const { context, record } = await newProfile(app.browser, locale, app.server.url);
    const page = await openApp(context, app.server.url + '#overview');
    await page.waitForSelector('article.pledge-doc[data-pledge="1"]');
    const pledge = page.locator('article.pledge-doc[data-pledge="1"]');
    // The overview's classification, label by label.
    const overview = await pledge.locator('dl.doc-classification > div').evaluateAll((items) =>
      items.map((div) => [div.querySelector('dt').textContent.trim(), div.querySelector('dd').textContent.trim()]));
    const heading = (await pledge.locator('h4').innerText()).trim();
    const overviewAchievement = (await pledge.locator('[data-testid$="-achievement"]').first().innerText()).trim();

    // The pledge card: the chosen chip of each box, the pressed actors.
    await page.goto(app.server.url + '#pledge/pledge-1');
    await page.waitForSelector('.classification');
    const chosen = await page.locator('.classification fieldset').evaluateAll((sets) =>
      sets.map((set) => {
        const checked = [...set.querySelectorAll('input[type=radio]')].find((r) => r.checked);
        if (checked) return checked.closest('label').textContent.trim();
        return [...set.querySelectorAll('button[aria-pressed=true]')]
          .map((b) => b.textContent.replace('✓', '').trim()).join(', ');
      }));
    const [status, completion, novelty, actors, horizon, budget] = chosen;
    const card = [status, completion, novelty, actors, horizon, budget];
    const words = overview.slice(0, 6).map(([, value]) => value);
    assert.deepEqual(words, card, 'the overview says what the pledge card chose, in the same words');
    const cardAchievement = (await page.locator('[data-testid="achievement-1-1"]').innerText()).trim();
    assert.equal(cardAchievement, overviewAchievement, 'one achievement text');
    const pickerLabel = (await page.locator('#pledge-picker option:checked').innerText()).trim();
    assert.equal(pickerLabel, heading, 'the picker names the pledge as the overview does');

    // The deck: the pledge slide's heading and achievement, the split's percentages.
    await page.goto(app.server.url + '#deck');
    await page.waitForSelector('.deck');
    let slideHeading = '';
    let slideAchievement = '';
    let sharePercents = [];
    for (let n = 0; n < 12; n += 1) {
      const slide = page.locator('.slide.current');
      const achievement = slide.locator('[data-testid="slide-achievement"]');
      if (await achievement.count()) {
        slideHeading = (await slide.locator('h2, h1').first().innerText()).trim();
        slideAchievement = (await achievement.first().innerText()).trim();
      }
      const shares = await slide.locator('[data-testid="share-percent"]').allInnerTexts();
      if (shares.length === 3 && !sharePercents.length) sharePercents = shares.map((s) => s.trim());
      await page.keyboard.press('ArrowRight');
    }
    assert.equal(slideHeading, heading, 'the deck heads the pledge as the overview does');
    assert.equal(slideAchievement, overviewAchievement, 'the deck prints the same achievement');
    // The first split of three sources is program 6's (국 622,500, 시 247,313, 구비 297,575):
    // the split view writes the same percentages.
    await page.goto(app.server.url + '#split/program-6');
    await page.waitForSelector('#program-6-source-city-percent');
    const splitPercents = [];
    for (const source of ['national', 'city', 'district']) {
      splitPercents.push(`${await page.locator(`#program-6-source-${source}-percent`).inputValue()}%`);
    }
    assert.equal(sharePercents.length, 3, 'a split slide of three sources was seen');
    assert.deepEqual([...sharePercents].sort(), [...splitPercents].sort(), 'the deck and the split view write the shares alike');
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}
