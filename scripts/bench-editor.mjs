// Editor benchmark in headless Chromium on the release build (dist/).
//  0. the first load as a user feels it (issue 14): a fresh profile with an
//     empty cache opens the app (the demo plan's overview) from a server that
//     sends brotli; the bytes are the transfer sizes of the files the browser
//     actually fetched until the app was usable (the `app-mounted` mark and
//     the overview shown), on loopback and under Chromium's network throttling
//     (1.6 Mbit/s, 150 ms round trip); then the first open of each view
//     loaded on first use, from the click (hash change) to the view shown.
// Then, for each plan (issue 17): the issue-16 benchmark plan
// (examples/large-plan.json, 200 programs × 10 years × 5 sources, 50 pledges
// × 3 indicators, no 산출기초, stored as an earlier release wrote it: plain
// JSON) and generated district plans of 200, 1,000 and 2,000 programs (a
// pledge per four programs, 3 indicators each, 10 산출기초 lines per program;
// `cargo run --example plan_file`, stored packed as the app stores it):
//  1. opening it from storage to a usable grid (the app's `app-mounted` mark,
//     from navigation start: download, compile, read, inflate, decode,
//     validate, render), ten times, each open followed by one edit and the
//     page hidden (so each open keeps a version, as a planner's day does);
//  2. a keystroke in a schedule cell → plan updated, validated, every view and
//     the problems panel re-rendered and laid out (input event to the end of
//     the task and its microtasks, then the style and layout that frame
//     needs, forced; not the paint), median and p95 of 200;
//  3. the overview and the briefing deck of the whole plan (every program and
//     pledge a slide): shown, next slide, a note keystroke;
//  4. JS heap plus wasm memory after the keystrokes, and what storage holds
//     (the plan's entry and its kept versions, of the 5 Mi-character quota).
// Prints figures only; nothing passes or fails on time (docs/PERFORMANCE.md).
// BENCH_SIZES=200,1000 picks the district sizes; BENCH_LOAD=0 skips 0.
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '200,1000,2000').split(',').map(Number);
const QUOTA_CHARS = 5 * 1024 * 1024;

/** The plans to open: the issue-16 benchmark plan, then the district sizes. */
async function plansToOpen() {
  const plans = [{ name: 'benchmark 200 (no 산출기초, plain entry)', programs: 200, entry: await readFile(join(ROOT, 'examples', 'large-plan.json'), 'utf8') }];
  for (const n of SIZES) {
    const entry = execFileSync('cargo', ['run', '-q', '--release', '-p', 'planner-core', '--features', 'fixtures', '--example', 'plan_file', '--', String(n), '--packed'],
      { cwd: ROOT, maxBuffer: 64 << 20, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    plans.push({ name: `district ${n}`, programs: n, entry });
  }
  return plans;
}

const server = await serveDist({ brotli: true });
const browser = await launchBrowser(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

/** The lazily loaded views, by fragment, and what shows each once loaded. */
const LAZY_VIEWS = ['status', 'split', 'pledge', 'items', 'settings', 'history', 'deck'];

/** One cold first open in a fresh profile; `throttle` slows its network. */
async function firstOpen(throttle) {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8),
    });
  }
  const fetched = new Map();
  let usable = false;
  cdp.on('Network.responseReceived', (e) => { if (!usable) fetched.set(e.requestId, { url: e.response.url, bytes: 0, encoding: e.response.headers['content-encoding'] ?? '' }); });
  cdp.on('Network.loadingFinished', (e) => { const f = fetched.get(e.requestId); if (f) f.bytes = e.encodedDataLength; });
  await page.goto(server.url);
  await page.waitForSelector('.app[data-ready] main section.view.overview, .app[data-ready] main section.view', { timeout: 60000 });
  usable = true;
  const mounted = await page.evaluate(() => performance.getEntriesByName('app-mounted')[0]?.startTime ?? NaN);
  await context.close();
  const files = [...fetched.values()].filter((f) => !f.url.endsWith('/sw.js') && !f.url.endsWith('.svg'));
  return { mounted, bytes: files.reduce((n, f) => n + f.bytes, 0), files };
}

/** The first open of each lazily loaded view, from the overview. */
async function lazyOpens() {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.app[data-ready] main section.view');
  const times = {};
  for (const view of LAZY_VIEWS) {
    times[view] = await page.evaluate((fragment) => new Promise((resolve, reject) => {
      const start = performance.now();
      let seen = false;
      const check = () => {
        const loading = document.querySelector('.part-loading');
        if (loading) seen = true;
        if (document.querySelector('.part-failed')) { reject(new Error(`${fragment} failed to load`)); return true; }
        if (seen && !loading) { resolve(performance.now() - start); return true; }
        return false;
      };
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document.body, { childList: true, subtree: true });
      location.hash = fragment;
    }), view);
  }
  await context.close();
  return times;
}

/** Opens `plan` from storage and times the editor on it (1.–4. above). */
async function editor(plan) {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
  // The loader (scripts/post-build.mjs) announces the started module; keep its exports for the memory figure.
  await context.addInitScript(() => {
    addEventListener('app-started', (e) => { globalThis.__wasmExports = e.detail?.wasm; });
    // What a timed step waits for: the end of its task and microtasks (a
    // message, which runs as the next task), then style and layout, forced.
    // Not setTimeout(0): chained, Chromium clamps it to 4 ms, which earlier
    // figures counted as work (docs/PERFORMANCE.md).
    globalThis.__settle = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        void document.body.offsetHeight;
        resolve();
      };
      channel.port2.postMessage(0);
    });
  });
  const page = await context.newPage();
  await page.goto(server.url + '#plans');
  await page.waitForSelector('.app[data-ready]');
  const title = JSON.parse(plan.entry.startsWith('{') ? plan.entry : '{}').plan?.title ?? plan.name;
  const index = {
    version: 1,
    plans: [{ id: 1, title, first_year: 2020, last_year: 2029, grand_total: '0', errors: 0, warnings: 0, saved_at: '2026-12-01T00:00:00Z', format_version: 1 }],
    open: 1,
  };
  await page.evaluate(([indexText, text]) => {
    localStorage.clear();
    localStorage.setItem('budget-planner/index', indexText);
    localStorage.setItem('budget-planner/plan/1', text);
  }, [JSON.stringify(index), plan.entry]);
  const entryChars = plan.entry.length;

  // 1. Open from storage to a usable grid, ten times; after each, one edit
  // and the page hidden (written), so the next open keeps a version.
  const opens = [];
  for (let i = 0; i < 10; i += 1) {
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
    await page.evaluate((i) => {
      const cell = document.querySelector('main input.amount[id*="-source-"][id*="-y"]') ?? document.querySelector('main input.amount');
      cell.value = String(5000 + i);
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      window.dispatchEvent(new Event('pagehide'));
    }, i);
  }

  // 2. Keystrokes in a schedule cell (falls back to any amount cell on screen).
  const times = await page.evaluate(async () => {
    const cell = document.querySelector('main input.amount[id*="-source-"][id*="-y"]') ?? document.querySelector('main input.amount');
    const out = [];
    const settle = globalThis.__settle;
    for (let i = 0; i < 220; i += 1) {
      cell.value = String(1000 + i);
      const t0 = performance.now();
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      out.push(performance.now() - t0);
    }
    return out.slice(20);
  });

  // 3. The overview (document view) of the whole plan: switching to it, then its unit.
  const overview = await page.evaluate(async () => {
    const settle = globalThis.__settle;
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

  // The briefing deck: its part is loaded first (its first open is timed
  // in 0.), so this times the deck itself.
  await page.evaluate(() => { location.hash = '#deck'; });
  await page.waitForSelector('section.slide.current', { timeout: 120000 });
  await page.evaluate(() => { location.hash = '#overview'; });
  await page.waitForSelector('main section.view.overview');
  const deck = await page.evaluate(async () => {
    const settle = globalThis.__settle;
    const t0 = performance.now();
    location.hash = '#deck';
    await settle();
    const shown = performance.now() - t0;
    const slides = Number(document.querySelector('[data-slide-count]')?.dataset.slideCount ?? document.querySelectorAll('section.slide').length);
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

  // 4. Memory after the edits (after a collection), and storage.
  const memory = await page.evaluate(() => {
    if (globalThis.gc) globalThis.gc();
    const heap = performance.memory?.usedJSHeapSize ?? NaN;
    const exports = globalThis.__wasmExports ?? {};
    const wasm = Object.values(exports).find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength ?? NaN;
    return { heap, wasm };
  });
  const storage = await page.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'));
    let used = 0;
    let versions = 0;
    for (const [k, v] of Object.entries(localStorage)) {
      used += k.length + v.length;
      if (k.startsWith('budget-planner/version/1/')) versions += 1;
    }
    return { used, versions, entry: localStorage.getItem('budget-planner/plan/1').length };
  });

  const label = `${plan.name}:`;
  const totals = opens.map((o) => o.total);
  const part = (k) => ms(quantile(opens.map((o) => o[k]), 0.5));
  console.log(`${label} open, the app's part: index + entry read ${part('read')}, inflate + decode ${part('decode')}, validate + render ${part('render')} (medians)`);
  const apps = opens.map((o) => o.app);
  console.log(`${label} open from storage to usable grid: median ${ms(quantile(totals, 0.5))}, max ${ms(Math.max(...totals))} from navigation (target ≤ 500 ms); of which the app's own work (read, decode, validate, render) median ${ms(quantile(apps, 0.5))}`);
  console.log(`${label} keystroke → validated + re-rendered: median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))} over ${times.length} (target ≤ 8 ms median, ≤ 16 ms p95)`);
  console.log(`${label} overview of the whole plan: shown in ${ms(overview.shown)}, unit switch re-rendered in ${ms(overview.unit)}`);
  console.log(`${label} briefing deck of ${deck.slides} slides: shown in ${ms(deck.shown)}, next slide median ${ms(deck.step)} (target ≤ 16 ms), note keystroke median ${ms(deck.note)}`);
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`${label} memory: JS heap ${mb(memory.heap)} + wasm ${mb(memory.wasm)} = ${mb(memory.heap + memory.wasm)} (target ≤ 100 MB)`);
  console.log(`${label} storage: entry ${storage.entry} chars (seeded ${entryChars}), ${storage.versions} versions kept, ${storage.used} of ${QUOTA_CHARS} chars used`);
  console.log(`${label} problems panel after the edits: ${problems}`);
  await context.close();
  return {
    name: plan.name, programs: plan.programs, entryChars: storage.entry, versions: storage.versions, used: storage.used,
    open: quantile(totals, 0.5), keystroke: quantile(times, 0.5), keystrokeP95: quantile(times, 0.95), step: deck.step,
    memory: memory.heap + memory.wasm,
  };
}

/** 0. The first load, and the first open of each lazily loaded view. */
async function firstLoad() {
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const cold = [];
  for (let i = 0; i < 5; i += 1) cold.push(await firstOpen(false));
  const slow = [];
  for (let i = 0; i < 3; i += 1) slow.push(await firstOpen(true));
  const first = cold[0];
  const plain = first.files.filter((f) => f.encoding !== 'br').map((f) => f.url);
  console.log(`load: first load ${kib(first.bytes)} transferred (brotli) in ${first.files.length} files until usable (budget 150 KiB)${plain.length ? `; not compressed: ${plain.join(', ')}` : ''}`);
  for (const f of [...first.files].sort((a, b) => b.bytes - a.bytes)) console.log(`load:   ${kib(f.bytes).padStart(10)}  ${new URL(f.url).pathname}`);
  console.log(`load: first open on loopback: median ${ms(quantile(cold.map((o) => o.mounted), 0.5))} from navigation to app-mounted (the overview rendered)`);
  console.log(`load: first open at 1.6 Mbit/s, 150 ms RTT: median ${ms(quantile(slow.map((o) => o.mounted), 0.5))} from navigation to app-mounted`);
  const runs = [];
  for (let i = 0; i < 5; i += 1) runs.push(await lazyOpens());
  const lazy = LAZY_VIEWS.map((v) => `${v} ${ms(quantile(runs.map((r) => r[v]), 0.5))} (max ${ms(Math.max(...runs.map((r) => r[v])))})`);
  console.log(`load: first open of each lazy view on loopback, median of ${runs.length} fresh profiles (target ≤ 150 ms): ${lazy.join(', ')}`);
}

try {
  if (process.env.BENCH_LOAD !== '0') await firstLoad();

  const rows = [];
  for (const plan of await plansToOpen()) rows.push(await editor(plan));
  console.log('');
  console.log('| plan | programs | stored entry | versions kept | storage used | open | keystroke median / p95 | next slide | memory |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const mchars = (n) => `${(n / 1e6).toFixed(2)} M chars`;
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.programs.toLocaleString('en')} | ${mchars(r.entryChars)} | ${r.versions} | ${mchars(r.used)} (${(r.used * 100 / QUOTA_CHARS).toFixed(0)}%) | ${ms(r.open)} | ${r.keystroke.toFixed(1)} / ${r.keystrokeP95.toFixed(1)} ms | ${ms(r.step)} | ${(r.memory / 1048576).toFixed(0)} MB |`);
  }
} finally {
  await browser.close();
  await server.close();
}
