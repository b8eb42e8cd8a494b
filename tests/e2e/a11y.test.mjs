// Accessibility: axe-core finds no serious or critical violation on any view,
// in Korean and in English, and every view can be reached from the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, newProfile, openApp, seriousA11yViolations, screenshot } from './harness.mjs';

const app = appUnderTest();

const VIEWS = ['plans', 'overview', 'status', 'schedule/pledge-1', 'schedule/program-6', 'split/program-6', 'pledge/pledge-1', 'items/program-6', 'stages', 'settings', 'history', 'deck'];

for (const locale of ['ko-KR', 'en-US']) {
  test(`axe finds no serious violation on any view (${locale})`, async () => {
    const { context, record } = await newProfile(app.browser, locale, app.server.url);
    const page = await openApp(context, app.server.url);
    const found = {};
    for (const view of VIEWS) {
      await page.goto(`${app.server.url}#${view}`);
      // The deck replaces the page's frame with its slides.
      await page.waitForSelector(view === 'deck' ? 'section.slide.current' : '.app[data-ready] main section.view');
      const violations = await seriousA11yViolations(page);
      if (violations.length) found[view] = violations;
      // Every view in both languages, for a person to look at.
      await screenshot(page, `view-${view.replace('/', '-')}-${locale.slice(0, 2)}`);
    }
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('every view is reachable from the keyboard through the navigation', async () => {
  const { context } = await newProfile(app.browser, 'en-US', app.server.url);
  const page = await openApp(context, app.server.url);
  const links = await page.locator('nav.views a').allInnerTexts();
  assert.ok(links.length >= 8, links.join(', '));
  for (const name of links) {
    // Tab from the top of the page until the link has focus, then Enter.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((n) => document.activeElement?.closest('nav.views') != null
        && document.activeElement.textContent.trim() === n, name);
    }
    assert.ok(reached, `${name} is reachable with Tab`);
    await page.keyboard.press('Enter');
    if (name === 'Briefing') {
      // The deck fills the screen; Esc brings the navigation back.
      await page.locator('section.slide.current').waitFor();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('nav.views a[aria-current=page]')?.textContent.trim() === 'Overview');
      continue;
    }
    await page.waitForFunction((n) => document.querySelector('nav.views a[aria-current=page]')?.textContent.trim() === n, name);
  }
  await context.close();
});
