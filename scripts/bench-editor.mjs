// Editor benchmark in headless Chromium on the release build (dist/):
// the generated plan of 200 programs × 10 years × 5 sources + 50 pledges × 3
// indicators (examples/large-plan.json) is put in storage, then
//  1. opening it from storage to a usable grid (the app's `app-mounted` mark,
//     from navigation start: download, compile, read, decode, validate, render);
//  2. a keystroke in a schedule cell → plan updated, validated, every view and
//     the problems panel re-rendered (input event to the end of the task and
//     its microtasks, i.e. before the next frame), median and p95 of 200;
//  3. JS heap plus wasm memory after the keystrokes.
// Prints figures only; nothing passes or fails on time (docs/PERFORMANCE.md).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const planText = await readFile(join(ROOT, 'examples', 'large-plan.json'), 'utf8');
const plan = JSON.parse(planText);
const index = {
  version: 1,
  plans: [{
    id: 1, title: plan.plan.title, first_year: plan.plan.years.first, last_year: plan.plan.years.last,
    grand_total: '0', errors: 0, warnings: 0, saved_at: plan.saved_at, format_version: 1,
  }],
  open: 1,
};

const server = await serveDist();
const browser = await launchBrowser(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

try {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
  // Trunk's loader announces the started module; keep its exports for the memory figure.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { globalThis.__wasmExports = e.detail?.wasm; });
  });
  const page = await context.newPage();
  await page.goto(server.url + '#plans');
  await page.waitForSelector('.app[data-ready]');
  await page.evaluate(([indexText, text]) => {
    localStorage.clear();
    localStorage.setItem('budget-planner/index', indexText);
    localStorage.setItem('budget-planner/plan/1', text);
  }, [JSON.stringify(index), planText]);

  // 1. Open from storage to a usable grid, five times.
  const opens = [];
  for (let i = 0; i < 5; i += 1) {
    await page.goto(server.url + '#schedule/program-100');
    await page.reload();
    await page.waitForSelector('.app[data-ready]');
    await page.waitForSelector('#program-100-source-s1-y2021, input.amount');
    opens.push(await page.evaluate(() => {
      const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return {
        total: mark('app-mounted'),
        app: mark('app-mounted') - mark('app-start'),
        read: mark('plan-read') - mark('app-start'),
        decode: mark('plan-decoded') - mark('plan-read'),
        render: mark('app-mounted') - mark('plan-decoded'),
      };
    }));
  }

  // 2. Keystrokes in a schedule cell (falls back to any amount cell on screen).
  const times = await page.evaluate(async () => {
    const cell = document.querySelector('main input.amount[id*="-source-"][id*="-y"]') ?? document.querySelector('main input.amount');
    const out = [];
    const settle = () => new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 220; i += 1) {
      cell.value = String(1000 + i);
      const t0 = performance.now();
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      out.push(performance.now() - t0);
    }
    return out.slice(20);
  });

  // The overview (document view) of the whole plan: switching to it, then its unit.
  const overview = await page.evaluate(async () => {
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    location.hash = '#overview';
    await settle();
    const shown = performance.now() - t0;
    const radio = document.querySelector('input[name=overview-unit][value=million]');
    const t1 = performance.now();
    radio.click();
    await settle();
    return { shown, unit: performance.now() - t1 };
  });

  const problems = await page.locator('[data-testid=problems-panel] h2').innerText();

  // The briefing deck of the whole plan (every program and pledge a slide):
  // opening it, stepping to the next slide, a keystroke in the presenter notes.
  const deck = await page.evaluate(async () => {
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    location.hash = '#deck';
    await settle();
    const shown = performance.now() - t0;
    const slides = document.querySelectorAll('section.slide').length;
    const steps = [];
    for (let i = 0; i < 20; i += 1) {
      const t = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await settle();
      steps.push(performance.now() - t);
    }
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    await settle();
    const notes = document.getElementById('deck-notes');
    const typing = [];
    for (let i = 0; i < 20; i += 1) {
      notes.value = 'note '.repeat(i + 1);
      const t = performance.now();
      notes.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      typing.push(performance.now() - t);
    }
    steps.sort((a, b) => a - b);
    typing.sort((a, b) => a - b);
    return { shown, slides, step: steps[10], note: typing[10] };
  });

  // 3. Memory after the edits (after a collection).
  const memory = await page.evaluate(() => {
    if (globalThis.gc) globalThis.gc();
    const heap = performance.memory?.usedJSHeapSize ?? NaN;
    const exports = globalThis.__wasmExports ?? {};
    const wasm = Object.values(exports).find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength ?? NaN;
    return { heap, wasm };
  });

  const totals = opens.map((o) => o.total);
  const part = (k) => ms(quantile(opens.map((o) => o[k]), 0.5));
  console.log(`editor: open, the app's part: index + entry read ${part('read')}, decode ${part('decode')}, validate + render ${part('render')} (medians)`);
  const apps = opens.map((o) => o.app);
  console.log(`editor: open from storage to usable grid: median ${ms(quantile(totals, 0.5))}, max ${ms(Math.max(...totals))} from navigation (target < 300 ms); of which the app's own work (read, decode, validate, render) median ${ms(quantile(apps, 0.5))}`);
  console.log(`editor: keystroke → validated + re-rendered: median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))} over ${times.length} (target < 16 ms median, < 50 ms p95)`);
  console.log(`editor: overview of the whole plan: shown in ${ms(overview.shown)}, unit switch re-rendered in ${ms(overview.unit)}`);
  console.log(`editor: briefing deck of ${deck.slides} slides: shown in ${ms(deck.shown)}, next slide median ${ms(deck.step)}, note keystroke median ${ms(deck.note)}`);
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`editor: memory: JS heap ${mb(memory.heap)} + wasm ${mb(memory.wasm)} = ${mb(memory.heap + memory.wasm)} (target < 50 MB)`);
  console.log(`editor: problems panel after the edits: ${problems}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
