// Raw, gzip and brotli sizes of a built dist/ folder, per file, and what a first
// load fetches: index.html, the CSS, and of the split app (app-<hash>/) its main
// module, bindings and parts' loader. The parts (split_*.wasm, each view loaded
// on first use, and chunk_*.wasm, code two or more parts share) are summed apart.
// scripts/bench-editor.mjs measures the same from the files the browser fetched.
import { readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { filesUnder } from './offline-cache.mjs';

const dir = process.argv[2] ?? 'dist';
const rows = filesUnder(dir)
  .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')))
  .map((path) => {
    const data = readFileSync(join(dir, path));
    return {
      kind: extname(path).slice(1),
      name: path,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      part: /\/(split|chunk)_[^/]*\.wasm$/.test(path),
    };
  });
const firstLoad = rows.filter((r) => !r.part && ['html', 'js', 'wasm', 'css'].includes(r.kind) && r.name !== 'sw.js');
const parts = rows.filter((r) => r.part);
const sum = (set, key) => set.reduce((n, r) => n + r[key], 0);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'kind'.padEnd(5)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}  file`);
for (const r of rows.filter((r) => !r.name.includes('/chunk_'))) {
  console.log(`${r.kind.padEnd(5)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}  ${r.name}`);
}
const shared = rows.filter((r) => r.name.includes('/chunk_'));
console.log(`${'wasm'.padEnd(5)} ${pad(sum(shared, 'raw'), 9)} ${pad(sum(shared, 'gzip'), 9)} ${pad(sum(shared, 'brotli'), 9)}  ${shared.length} chunk_*.wasm (code shared by parts)`);
console.log(`${'load'.padEnd(5)} ${pad(sum(firstLoad, 'raw'), 9)} ${pad(sum(firstLoad, 'gzip'), 9)} ${pad(sum(firstLoad, 'brotli'), 9)}  first load (html + css + main wasm, bindings, parts' loader)`);
console.log(`${'parts'.padEnd(5)} ${pad(sum(parts, 'raw'), 9)} ${pad(sum(parts, 'gzip'), 9)} ${pad(sum(parts, 'brotli'), 9)}  ${parts.length} parts loaded on first use`);
console.log(`first load brotli: ${(sum(firstLoad, 'brotli') / 1024).toFixed(1)} KiB (budget 150 KiB)`);
