import { serveDist, launchBrowser, newProfile, openApp, screenshot } from '/work/main/tests/e2e/harness.mjs';
const server = await serveDist();
const browser = await launchBrowser();
const { context } = await newProfile(browser, process.argv[2] ?? 'ko-KR', server.url);
const page = await openApp(context, server.url);
for (const v of process.argv.slice(3)) {
  await page.goto(server.url + '#' + v);
  await page.waitForTimeout(300);
  await screenshot(page, 'dev-' + v.replace(/\//g, '_'));
}
await browser.close(); await server.close();
