// Builds the web player (web/ -> dist/web) with Vite and prints the JavaScript a first load fetches,
// gzipped, beside its budget; over budget fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const JS_BUDGET_BYTES = 100 * 1024;

const config = new URL('../web/vite.config.ts', import.meta.url).pathname;
await build({ configFile: config });

const assets = new URL('../dist/web/assets/', import.meta.url).pathname;
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
const gzipped = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stderr.write(`web: ${scripts.length} script(s), ${kb(gzipped)} gzipped (budget ${kb(JS_BUDGET_BYTES)})\n`);
if (gzipped > JS_BUDGET_BYTES) {
  process.stderr.write('web: over the JavaScript budget\n');
  process.exit(1);
}
