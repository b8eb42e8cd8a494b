// Raw, gzip and brotli sizes of a Trunk dist/ folder, per kind of file, and the
// total a first load fetches (html + js + wasm + css; the icon is left out).
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const rows = [];
for (const name of readdirSync(dir).sort()) {
  if (name.startsWith('.')) continue;
  const data = readFileSync(join(dir, name));
  rows.push({
    kind: extname(name).slice(1),
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const firstLoad = rows.filter((r) => ['html', 'js', 'wasm', 'css'].includes(r.kind));
const sum = (key) => firstLoad.reduce((n, r) => n + r[key], 0);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'kind'.padEnd(5)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}  file`);
for (const r of rows) console.log(`${r.kind.padEnd(5)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}  ${r.name}`);
console.log(`${'load'.padEnd(5)} ${pad(sum('raw'), 9)} ${pad(sum('gzip'), 9)} ${pad(sum('brotli'), 9)}  first load (html+js+wasm+css)`);
console.log(`first load brotli: ${(sum('brotli') / 1024).toFixed(1)} KiB (budget 150 KiB)`);
