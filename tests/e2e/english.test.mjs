// End to end: English throughout (issue 18). A walk of every view of the
// demo plan in English — the plans home, the overview, each editor, the
// settings, the history, every slide of the deck and the presenter's window —
// reads the rendered text and the words meant for assistive technology
// (aria-label, title, placeholder), takes out the plan's own data (its
// titles, names, notes: whatever the plan file holds), and finds no Hangul
// left. The words the app itself writes must all be English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, storedOpenPlan, screenshot } from './harness.mjs';

const app = appUnderTest();
const HANGUL = /[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]+/g;

/** Every string a plan file holds (the plan's data, allowed in any language). */
function planStrings(value, out = new Set()) {
  if (typeof value === 'string') {
    for (const line of value.split('\n')) if (line.trim()) out.add(line.trim());
  } else if (Array.isArray(value)) {
    value.forEach((v) => planStrings(v, out));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => planStrings(v, out));
  }
  return out;
}

/** The page's words: its text, and the names given to assistive technology. */
function pageWords(page) {
  return page.evaluate(() => {
    // What is marked as Korean (a language's own name, a field for a Korean
    // name) is Korean on purpose.
    const korean = (el) => el.closest('[lang]')?.getAttribute('lang') === 'ko';
    let text = document.body.innerText;
    for (const el of document.querySelectorAll('body [lang="ko"]')) {
      if (el.innerText) text = text.split(el.innerText).join(' ');
    }
    const words = [text, document.title];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-roledescription], option, [alt]')) {
      if (korean(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-roledescription', 'alt']) {
        const v = el.getAttribute(name);
        if (v) words.push(v);
      }
      if (el.tagName === 'OPTION') words.push(el.textContent);
    }
    return words.join('\n');
  });
}

/** `s` as a RegExp source that matches only a whole word of Hangul (not inside a longer one). */
const alone = (s) => `(?<![\uac00-\ud7a3])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\uac00-\ud7a3])`;

/**
 * The Hangul left in `text` once the plan's own strings are taken out, with
 * context. A plan string counts where it stands alone (`3,000건`, not the 건
 * inside 건수) and where a narrow cell cut it short (`청년의 행복한…`).
 */
function hangulOutsidePlanData(text, allowed) {
  let rest = text;
  for (const s of allowed) {
    rest = rest.replace(new RegExp(alone(s), 'g'), ' ');
    for (let k = s.length - 1; k >= 3; k--) rest = rest.split(`${s.slice(0, k)}…`).join(' ');
  }
  const found = [];
  for (const m of rest.matchAll(HANGUL)) {
    found.push(rest.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' '));
  }
  return found;
}

test('an English walk of every view finds no Hangul outside the plan\'s own data', async () => {
  const { context, record } = await newProfile(app.browser, 'en-GB', app.server.url);
  const page = await openApp(context, `${app.server.url}#overview`);
  await page.locator('main section.view.overview').waitFor();
  const plan = await storedOpenPlan(page);
  // Only the strings with Hangul matter; longest first, so a name is never
  // cut by a shorter one inside it.
  const allowed = [...planStrings(plan)].filter((s) => /[\uac00-\ud7a3]/.test(s)).sort((a, b) => b.length - a.length);
  const found = {};
  const scan = async (where) => {
    const left = hangulOutsidePlanData(await pageWords(page), allowed);
    if (left.length) found[where] = [...new Set(left)];
  };
  const views = [
    'plans', 'overview', 'status', 'schedule/program-5', 'schedule/pledge-1', 'split/program-6',
    'pledge/pledge-1', 'items/program-5', 'stages', 'settings', 'history',
  ];
  for (const view of views) {
    await page.goto(`${app.server.url}#${view}`);
    await page.waitForSelector('.app[data-ready]');
    await page.locator('main section.view, main .view').first().waitFor();
    await page.waitForTimeout(150);
    await scan(view);
  }
  await screenshot(page, 'english-history');
  // The staffing table's groups and grades are the plan's words, but the
  // common civil-service ones read in English (일반직 · 5급 → General service · Grade 5).
  await page.goto(`${app.server.url}#overview`);
  const heads = await page.locator('#ov-staffing-table thead').innerText();
  assert.match(heads, /General service/);
  assert.match(heads, /Grade 5/);
  assert.deepEqual(hangulOutsidePlanData(heads, []), [], `staffing heads: ${heads}`);
  // Every slide of the deck, as charts and as tables.
  await page.goto(`${app.server.url}#deck`);
  await page.locator('section.slide.current').waitFor();
  const slides = await page.locator('section.slide').count();
  for (const table of [false, true]) {
    if (table) await page.keyboard.press('t');
    await page.keyboard.press('Home');
    for (let i = 0; i < slides; i++) {
      await page.locator('section.slide.current .slide-head').waitFor();
      await scan(`deck slide ${i + 1}${table ? ' (table)' : ''}`);
      await page.keyboard.press('ArrowRight');
    }
  }
  await page.keyboard.press('n');
  await scan('deck notes');
  await page.keyboard.press('n');
  await page.getByRole('button', { name: 'Arrange slides' }).click();
  await scan('deck arrangement');
  // The presenter's window.
  await page.goto(`${app.server.url}#presenter/2`);
  await page.locator('.presenter-current section.slide .slide-head').waitFor();
  await scan('presenter');
  assert.deepEqual(found, {}, 'Hangul outside plan data, by view');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a new plan\'s empty views, and the first visit, speak English', async () => {
  const { context, record } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, `${app.server.url}#plans`);
  await page.getByTestId('welcome').waitFor();
  const found = {};
  const scan = async (where) => {
    const left = hangulOutsidePlanData(await pageWords(page), []);
    if (left.length) found[where] = [...new Set(left)];
  };
  // The plans list names the demo plan (its data): everything else is English.
  const demo = await storedOpenPlan(page);
  const demoStrings = [...planStrings(demo)].filter((s) => /[\uac00-\ud7a3]/.test(s)).sort((a, b) => b.length - a.length);
  const left = hangulOutsidePlanData(await pageWords(page), demoStrings);
  if (left.length) found.plans = left;
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.keyboard.type('Youth policy plan');
  await page.locator('form.new-plan button[type=submit]').click();
  await page.locator('main section.settings-view').waitFor();
  await scan('settings');
  for (const view of ['overview', 'status', 'schedule', 'split', 'pledge', 'items', 'stages', 'history', 'deck']) {
    await page.goto(`${app.server.url}#${view}`);
    await page.waitForSelector(view === 'deck' ? 'section.slide.current' : '.app[data-ready] main section.view');
    await page.waitForTimeout(150);
    await scan(view);
  }
  assert.deepEqual(found, {}, 'Hangul in a new plan\'s views, by view');
  assert.deepEqual(record.errors, []);
  await context.close();
});
