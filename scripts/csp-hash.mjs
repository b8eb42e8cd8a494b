// Puts the SHA-256 of every inline <script> of the built index.html into its
// Content-Security-Policy, so the policy needs neither 'unsafe-inline' nor a
// server. Fails the build if the placeholder is missing. (scripts/post-build.mjs)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Fills CSP_SCRIPT_HASHES in `dir`/index.html. */
export function hashInlineScripts(dir) {
  const file = join(dir, 'index.html');
  const html = readFileSync(file, 'utf8');
  const hashes = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const digest = createHash('sha256').update(match[1], 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  if (!html.includes('CSP_SCRIPT_HASHES')) {
    console.error('csp-hash: index.html has no CSP_SCRIPT_HASHES placeholder');
    process.exit(1);
  }
  writeFileSync(file, html.replace('CSP_SCRIPT_HASHES', hashes.join(' ')));
  console.log(`csp-hash: ${hashes.length} inline script(s) hashed into the CSP`);
}
