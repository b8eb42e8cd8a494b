// End to end: a first visit (issue 18). The demo's overview says what it is
// and where to start; the plans home welcomes with what the app does, that
// the data stays in this browser, and three ways to start. Starting (a new
// plan, a file, the demo) ends the welcome for good; a new plan's empty
// views say what is missing and link to where it is added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUnderTest, newProfile, openApp, screenshot, seriousA11yViolations } from './harness.mjs';

const app = appUnderTest();

test('a first visit is welcomed; a new plan ends it and its empty views link to where things are added', async () => {
  const { context, record } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, app.server.url);
  // The demo's overview, with a line saying so.
  const line = page.getByTestId('welcome-line');
  await line.waitFor();
  assert.match(await line.innerText(), /예시 계획/);
  assert.deepEqual(await seriousA11yViolations(page), []);
  await screenshot(page, 'welcome-ko-overview');
  await line.getByRole('link', { name: '내 계획 시작하기' }).click();
  const welcome = page.getByTestId('welcome');
  await welcome.waitFor();
  const text = await welcome.innerText();
  for (const words of ['이 브라우저에만 저장', '새 계획 시작하기', '파일 가져오기', '예시 계획 둘러보기']) {
    assert.ok(text.includes(words), `${words} in the welcome`);
  }
  assert.deepEqual(await seriousA11yViolations(page), []);
  await screenshot(page, 'welcome-ko-plans');

  // "새 계획 시작하기" puts the caret in the new plan's title; type one and create it.
  await welcome.getByRole('button', { name: '새 계획 시작하기' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-plan-name');
  await page.keyboard.type('2027 청년 정책 계획');
  await page.locator('form.new-plan button[type=submit]').click();
  await page.locator('main section.view.settings, main section.settings-view, main .settings').first().waitFor();
  assert.equal(await page.getByTestId('welcome-line').count(), 0, 'starting ends the welcome');
  assert.equal(await page.evaluate(() => localStorage.getItem('budget-planner/welcome')), null);

  // The new plan's empty views: what is missing, and a link to where to add it.
  const expected = {
    overview: ['#status', '#schedule', '#pledge', '#settings'],
    schedule: ['#status', '#pledge'],
    split: ['#status'],
    items: ['#status'],
  };
  for (const [view, links] of Object.entries(expected)) {
    await page.goto(`${app.server.url}#${view}`);
    await page.locator('[data-testid="empty-hint"]').first().waitFor();
    const hrefs = await page.locator('[data-testid="empty-hint"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const link of links) assert.ok(hrefs.includes(link), `${view}: a link to ${link} (${hrefs})`);
    assert.deepEqual(await seriousA11yViolations(page), [], view);
  }
  await page.goto(`${app.server.url}#overview`);
  await page.locator('[data-testid="empty-hint"]').first().waitFor();
  await screenshot(page, 'welcome-ko-empty-overview');
  // The link lands where a program is added: add one there.
  await page.locator('[data-testid="empty-hint"] a[href="#status"]').first().click();
  const add = page.getByRole('button', { name: '단위사업 추가' });
  await add.click();
  await page.locator('#status-table tr[data-program], #status-table tbody tr').first().waitFor();
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  await page.goto(`${app.server.url}#plans`);
  await page.locator('[data-testid="plans-table"]').waitFor();
  assert.equal(await page.getByTestId('welcome').count(), 0, 'a later visit is not welcomed');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the welcome\'s "import a file" opens the file picker, and an imported plan is a start (English)', async () => {
  const { context, record } = await newProfile(app.browser, 'en-GB', app.server.url);
  const page = await openApp(context, `${app.server.url}#plans`);
  const welcome = page.getByTestId('welcome');
  await welcome.waitFor();
  assert.match(await welcome.innerText(), /stays in this browser/);
  await screenshot(page, 'welcome-en-plans');
  // A plan file someone exported (the demo, retitled).
  const file = await page.evaluate(async () => {
    const index = JSON.parse(localStorage.getItem('budget-planner/index'));
    return storedPlanFile(`budget-planner/plan/${index.open}`);
  });
  file.plan.title = 'Imported budget plan';
  const path = join(tmpdir(), `welcome-import-${process.pid}.json`);
  await writeFile(path, JSON.stringify(file));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    welcome.getByRole('button', { name: 'Import a file' }).click(),
  ]);
  await chooser.setFiles(path);
  await page.getByRole('button', { name: 'Add as a new plan' }).click();
  await page.locator('[data-testid="plan-title"]').filter({ hasText: 'Imported budget plan' }).waitFor();
  assert.equal(await page.getByTestId('welcome-line').count(), 0);
  await page.goto(`${app.server.url}#plans`);
  await page.locator('[data-testid="plans-table"]').waitFor();
  assert.equal(await page.getByTestId('welcome').count(), 0, 'an imported plan is a start');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('exploring the demo ends the welcome', async () => {
  const { context } = await newProfile(app.browser, 'ko-KR', app.server.url);
  const page = await openApp(context, `${app.server.url}#plans`);
  await page.getByTestId('explore-demo').click();
  await page.locator('main section.view.overview').waitFor();
  assert.equal(await page.getByTestId('welcome-line').count(), 0);
  await page.reload();
  await page.waitForSelector('.app[data-ready]');
  assert.equal(await page.getByTestId('welcome-line').count(), 0, 'not after a reload either');
  await context.close();
});
