// End-to-end: the split build. The first load fetches the shell, the plans
// home, the overview and the schedule grid only; every other view is a part
// fetched the first time it is opened; a part that fails to download says so
// where the view would be and offers a retry, and nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appUnderTest, screenshot } from './harness.mjs';

const app = appUnderTest();

/** The views loaded on first use, by fragment, with a heading each shows. */
const LAZY = [
  ['status', /예산현황|Budget status/],
  ['split', /재원|funding|Funding/],
  ['pledge', /공약|[Pp]ledge/],
  ['items', /산출기초|[Ll]ine items/],
  ['stages', /예산 단계|[Bb]udget stages/],
  ['settings', /설정|Settings/],
  ['history', /버전|[Hh]istory|[Vv]ersions/],
];

/** A fresh profile with no service worker, so every request reaches the network (and `route`). */
async function coldProfile() {
  const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  const errors = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => { errors.push(String(e)); if (process.env.DEBUG_E2E) console.log(e.stack); });
  return { context, page, fetched, errors };
}

const parts = (fetched) => fetched.filter((p) => /\/(split|chunk)_[^/]*\.wasm$/.test(p));

test('the first load fetches no part; each view fetches its own part the first time it opens', async () => {
  const { context, page, fetched, errors } = await coldProfile();
  await page.goto(app.server.url);
  await page.waitForSelector('.app[data-ready] main section.view.overview');
  // The schedule grid is in the first load too: opening it fetches nothing new.
  await page.goto(`${app.server.url}#schedule/program-1`);
  await page.waitForSelector('main section.view input.amount');
  assert.deepEqual(parts(fetched), [], `first load and grid fetched: ${fetched.join(', ')}`);
  for (const [fragment, heading] of LAZY) {
    const before = fetched.length;
    await page.goto(`${app.server.url}#${fragment}`);
    await page.locator('main section.view h2').first().waitFor();
    assert.match(await page.locator('main section.view h2').first().innerText(), heading, fragment);
    const own = parts(fetched.slice(before)).filter((p) => p.includes('/split_'));
    assert.equal(own.length, 1, `${fragment} fetched ${fetched.slice(before).join(', ')}`);
  }
  // The deck replaces the whole page.
  await page.goto(`${app.server.url}#deck`);
  await page.locator('section.slide.current').waitFor();
  assert.ok(parts(fetched).some((p) => p.endsWith('/split_deck.wasm')));
  // A second visit to a view fetches nothing again.
  const count = fetched.length;
  await page.goto(`${app.server.url}#settings`);
  await page.locator('main section.view h2').first().waitFor();
  assert.equal(parts(fetched.slice(count)).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part that fails to download says so, keeps the plan, and loads on retry', async () => {
  const { context, page, errors } = await coldProfile();
  await page.goto(`${app.server.url}#status`);
  await page.waitForSelector('main section.view h2');
  // An edit saved before the failure.
  const cell = page.getByRole('textbox', { name: '기본경비 · This year', exact: true });
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12,345');
  await page.keyboard.press('Tab');
  await page.locator('[data-testid=save-state]', { hasText: 'Saved' }).waitFor();
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  let refused = 0;
  await page.route(/\/split_history\.wasm$/, (route) => { refused += 1; return route.abort('internetdisconnected'); });
  await page.goto(`${app.server.url}#history`);
  const failed = page.locator('.part-failed[role=alert]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /This view could not be loaded\. Check the network connection and try again; if the app was updated meanwhile, reload the page\. Your saved plans are unchanged\./);
  assert.ok(refused >= 1);
  await screenshot(page, 'part-failed-en');
  // The rest of the app goes on working, and nothing in storage changed.
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), stored);
  assert.deepEqual(errors, [], 'no panic, no uncaught error');
  await page.unroute(/\/split_history\.wasm$/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('main section.view h2').first().waitFor();
  assert.match(await page.locator('main section.view h2').first().innerText(), /[Hh]istory|[Vv]ersions/);
  await page.goto(`${app.server.url}#status`);
  await page.waitForSelector('main section.view h2');
  assert.equal(await page.getByRole('textbox', { name: '기본경비 · This year', exact: true }).inputValue(), '12,345');
  // The other way out (a part of an older build gone after an update): reload the page.
  await page.route(/\/split_settings\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(`${app.server.url}#settings`);
  await failed.waitFor();
  await page.unroute(/\/split_settings\.wasm$/);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload the page' }).click()]);
  await page.getByRole('heading', { name: 'Settings', exact: true }).first().waitFor();
  assert.match(page.url(), /#settings$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Content-Security-Policy stays as strict, and loading every part violates none of it', async () => {
  const { context, page, errors } = await coldProfile();
  await page.addInitScript(() => {
    globalThis.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => globalThis.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(app.server.url);
  await page.waitForSelector('.app[data-ready] main section.view.overview');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  // Scripts: this origin, wasm compilation, and the loader by its hash; nothing inline or eval'd.
  const [self, wasm, ...hashes] = directives['script-src'];
  assert.deepEqual([self, wasm], ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(hashes.length === 1 && /^'sha256-[A-Za-z0-9+/]+=*'$/.test(hashes[0]), policy);
  for (const fragment of ['status', 'split', 'pledge', 'items', 'stages', 'settings', 'history']) {
    await page.goto(`${app.server.url}#${fragment}`);
    await page.locator('main section.view h2').first().waitFor();
  }
  await page.goto(`${app.server.url}#deck`);
  await page.locator('section.slide.current').waitFor();
  assert.deepEqual(await page.evaluate(() => globalThis.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
