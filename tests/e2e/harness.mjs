// Shared pieces of the end-to-end tests: a static server for dist/ on
// loopback, and headless Chromium launched the way this machine needs.
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close }. With
 * `brotli`, files go out brotli-compressed (quality 11) to a browser that
 * accepts it, as a production server would send them.
 */
export async function serveDist({ brotli = false } = {}) {
  // Compressed before serving (quality 11 takes a moment per file), so a
  // timed request measures the transfer, not the compression.
  const compressed = new Map();
  if (brotli) {
    for (const name of await readdir(DIST, { recursive: true })) {
      const file = join(DIST, name);
      if ((await stat(file)).isFile()) {
        compressed.set(file, brotliCompressSync(await readFile(file), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    }
  }
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (compressed.has(file) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'br';
        res.writeHead(200, headers);
        res.end(compressed.get(file));
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Headless Chromium with the flags this machine needs (no network but loopback). */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

/**
 * The served build and the browser a test file drives: started before the
 * file's tests and stopped after them (`app.server.url`, `app.browser`).
 */
export function appUnderTest() {
  const app = {};
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * A fresh browser profile (its own storage) speaking `locale`, with every
 * request, console error and CSP violation recorded for the test to check.
 */
export async function newProfile(browser, locale, baseUrl) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(STORED_PLAN_FILE);
  const record = { offOrigin: [], errors: [] };
  const origin = new URL(baseUrl).origin;
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) record.offOrigin.push(url);
  });
  context.on('page', (page) => watchPage(page, record));
  return { context, record };
}

function watchPage(page, record) {
  page.on('console', (msg) => { if (msg.type() === 'error') record.errors.push(msg.text()); });
  page.on('pageerror', (err) => record.errors.push(String(err)));
}

/**
 * Defines `storedPlanFile(key)` in every page: the plan file a storage entry
 * holds, parsed (null when there is none). Entries are packed (issue 17,
 * crates/planner-core/src/file/stored.rs: `z1:<bytes>:` then 15 bits per
 * character from U+4000, raw deflate); the browser's own
 * `DecompressionStream` inflates them, so the tests also check that the
 * stored bytes are standard deflate. An entry of an earlier release is
 * plain JSON and read as it is.
 */
export const STORED_PLAN_FILE = `globalThis.storedPlanFile = async (key) => {
  const entry = localStorage.getItem(key);
  if (entry === null) return null;
  if (!entry.startsWith('z1:')) return JSON.parse(entry);
  const rest = entry.slice(3);
  const colon = rest.indexOf(':');
  const count = Number(rest.slice(0, colon));
  const bytes = new Uint8Array(count);
  let acc = 0, held = 0, n = 0;
  for (let i = colon + 1; i < rest.length; i += 1) {
    acc = (acc << 15) | (rest.charCodeAt(i) - 0x4000);
    held += 15;
    while (held >= 8) {
      held -= 8;
      if (n < count) bytes[n++] = (acc >> held) & 0xff;
      acc &= (1 << held) - 1;
    }
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(stream).text());
};`;

/** The open plan as storage holds it now (the `plan` of its plan file). */
export function storedOpenPlan(page) {
  return page.evaluate(async () => {
    const index = JSON.parse(localStorage.getItem('budget-planner/index'));
    return (await storedPlanFile(`budget-planner/plan/${index.open}`))?.plan ?? null;
  });
}

/** Waits until the stored open plan satisfies `check` (polled, like waitForFunction). */
export async function waitForStoredPlan(page, check, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const plan = await storedOpenPlan(page);
    if (plan && check(plan)) return plan;
    if (Date.now() > until) throw new Error(`the stored plan did not become as expected within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A figure as the tables print it (`1,234`, `△21`, `-`) as a number. */
export function figure(shown) {
  const t = shown.trim();
  if (t === '-') return 0;
  const negative = t.startsWith('△');
  const value = Number(t.replace('△', '').replaceAll(',', ''));
  if (!Number.isInteger(value)) throw new Error(`not a figure: ${shown}`);
  return negative ? -value : value;
}

/** Opens the app and waits until it has mounted. */
export async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.app[data-ready]');
  return page;
}

/** Saves a full-page screenshot under target/screenshots/. */
export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is and returns the serious and critical
 * violations (rule id, help and the offending elements). axe is evaluated
 * through the DevTools protocol, so the page's CSP stays as strict as shipped.
 */
export async function seriousA11yViolations(page) {
  const source = await AXE_SOURCE;
  await page.evaluate(source);
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** The entries of a ZIP of stored (uncompressed) entries, as the app writes XLSX. */
export function unzipStored(bytes) {
  const files = new Map();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    files.set(name, bytes.subarray(start, start + size).toString('utf8'));
    at = start + size;
  }
  return files;
}

/** Clicks the button named `button`, saves the download under `dir` and reads it back. */
export async function downloadFrom(page, button, dir) {
  await mkdir(dir, { recursive: true });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return readFile(path);
}
