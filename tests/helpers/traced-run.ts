import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTunes, type CliResult } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const TRACE_LOADER = new URL('./trace-imports.mjs', import.meta.url).pathname;

/**
 * Runs tunes recording every module it loads. `imported`: the specifiers resolved, one per line;
 * `bundleTexts`: the text of each dist/bundle chunk loaded, where esbuild marks every bundled
 * package with `// node_modules/<pkg>/...` comments.
 */
export async function runTraced(args: string[], home: string): Promise<{ result: CliResult; imported: string; bundleTexts: string[] }> {
  const trace = join(tempDir(), 'imports.txt');
  const result = await runTunes(args, { home, nodeArgs: ['--import', TRACE_LOADER], env: { TRACE_IMPORTS_FILE: trace } });
  const imported = readFileSync(trace, 'utf8');
  const chunks = [...new Set(imported.split('\n').filter((url) => url.includes('/dist/bundle/')))];
  return { result, imported, bundleTexts: chunks.map((url) => readFileSync(new URL(url), 'utf8')) };
}
