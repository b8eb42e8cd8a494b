// Trunk post_build hook, in this order (Trunk runs the hooks of one stage at
// the same time, so the steps share one script):
//   1. the loader: index.html gets the module script that starts the split app
//      scripts/build-app.sh put in app-<hash>/, with preloads for the files
//      the first load needs (the main module, its bindings and the parts' loader);
//   2. the Content-Security-Policy: the SHA-256 of every inline script;
//   3. the service worker: every built file (each part included) in its cache.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashInlineScripts } from './csp-hash.mjs';
import { writeServiceWorker } from './offline-cache.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const app = readdirSync(dir).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
if (app.length !== 1) {
  console.error(`post-build: expected one app-<hash>/ folder from scripts/build-app.sh, found ${app.length}`);
  process.exit(1);
}
const base = `./${app[0]}`;
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const loader = `<link rel="modulepreload" href="${base}/budget-planner.js">
    <link rel="modulepreload" href="${base}/__wasm_split.js">
    <link rel="preload" href="${base}/budget-planner_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">
    <script type="module">import init from '${base}/budget-planner.js';
const wasm = await init({ module_or_path: '${base}/budget-planner_bg.wasm' });
dispatchEvent(new CustomEvent('app-started', { detail: { wasm } }));
</script>
  </head>`;
if (!html.includes('</head>')) {
  console.error('post-build: index.html has no </head>');
  process.exit(1);
}
writeFileSync(file, html.replace('</head>', loader));
console.log(`post-build: index.html loads ${base}/`);

hashInlineScripts(dir);
writeServiceWorker(dir);
