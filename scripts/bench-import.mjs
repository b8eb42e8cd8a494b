// Import benchmark in headless Chromium on the release build (dist/), issue 19:
// a district's own CSV and XLSX exports (generated plans of BENCH_SIZES
// programs, `cargo run --example plan_file -- --exports DIR N`) chosen in the
// file picker of a fresh profile: the time until the preview shows (read the
// file, fetch the import part the first time, read the workbook, find the
// tables, build the preview: every edit applied to a copy and validated,
// drawn), then until the new plan is open. Prints figures only; nothing
// passes or fails on time (docs/PERFORMANCE.md).
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '200,1000').split(',').map(Number);
const DIR = join(ROOT, 'target', 'bench-import');
await mkdir(DIR, { recursive: true });
const server = await serveDist({ brotli: true });
const browser = await launchBrowser();

for (const n of SIZES) {
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'planner-core', '--features', 'fixtures', '--example', 'plan_file', '--', '--exports', DIR, String(n)], { cwd: ROOT, stdio: 'inherit' });
  for (const kind of ['csv', 'xlsx']) {
    const path = join(DIR, `district-${n}.${kind}`);
    const bytes = (await readFile(path)).length;
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + '#plans');
    await page.waitForSelector('.app[data-ready]');
    const start = Date.now();
    await page.locator('[data-testid=import-input]').setInputFiles(path);
    const shown = await Promise.race([
      page.locator('[data-testid=import-summary]').waitFor({ timeout: 120000 }).then(() => 'preview'),
      page.locator('[data-testid=import-error]').waitFor({ timeout: 120000 }).then(() => 'refused'),
    ]);
    const preview = Date.now() - start;
    if (shown === 'refused') {
      console.log(`district ${n} ${kind.toUpperCase()} (${bytes} bytes): refused in ${preview} ms: ${await page.locator('[data-testid=import-error]').innerText()}`);
      await context.close();
      continue;
    }
    const tables = await page.locator('[data-testid=import-table]').count();
    await page.getByRole('radio', { name: '새 계획' }).check();
    const added = Date.now();
    await page.locator('[data-testid=import-tables]').click();
    await page.waitForSelector('.app[data-ready] main section.view.overview', { timeout: 120000 });
    const open = Date.now() - added;
    console.log(`district ${n} ${kind.toUpperCase()} (${bytes} bytes, ${tables} tables): preview shown ${preview} ms; new plan open ${open} ms`);
    await context.close();
  }
}
await browser.close();
await server.close();
