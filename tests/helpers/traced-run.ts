import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTunes, type CliResult } from './run-cli.js';
import { tempDir } from './temp-dir.js';

const TRACE_LOADER = new URL('./trace-imports.mjs', import.meta.url).pathname;

interface CoveredFunction {
  functionName: string;
  ranges: Array<{ count: number }>;
}
interface CoveredScript {
  url: string;
  functions: CoveredFunction[];
}

export interface TracedRun {
  result: CliResult;
  /** The ES module specifiers resolved and every script V8 compiled (CommonJS too), one per line. */
  imported: string;
  /**
   * The source files (`node_modules/<pkg>/...`, `src/...`) of the dist/bundle files loaded that ran:
   * everything in a split ES module chunk; in a one-file CommonJS bundle (main.cjs, plain.cjs) the
   * modules bar those whose lazy wrapper esbuild made (named by the module's path) never ran.
   */
  ranSources: string[];
  /** The dist/bundle files loaded. */
  bundles: string[];
}

/** Runs tunes recording every module it loads (ES module hooks) and every script V8 ran (V8 coverage). */
export async function runTraced(args: string[], home: string): Promise<TracedRun> {
  const trace = join(tempDir(), 'imports.txt');
  const coverage = tempDir();
  const result = await runTunes(args, { home, nodeArgs: ['--import', TRACE_LOADER], env: { TRACE_IMPORTS_FILE: trace, NODE_V8_COVERAGE: coverage } });
  return { result, ...readTrace(trace, coverage) };
}

/**
 * What a process run with `--import trace-imports.mjs` (TRACE_IMPORTS_FILE=`trace`) and
 * NODE_V8_COVERAGE=`coverage` loaded and ran, once it has exited.
 */
export function readTrace(trace: string, coverage: string): Omit<TracedRun, 'result'> {
  const scripts = readdirSync(coverage).flatMap((name) => (JSON.parse(readFileSync(join(coverage, name), 'utf8')) as { result: CoveredScript[] }).result);
  const imported = [existsSync(trace) ? readFileSync(trace, 'utf8') : '', ...scripts.map((script) => script.url)].join('\n');
  const bundles = [...new Set([...imported.split('\n')].filter((url) => url.includes('/dist/bundle/') && !url.includes('tag-worker')))];
  const ranSources = bundles.flatMap((url) => ranSourcesOf(url, scripts.find((script) => script.url === url)));
  return { imported, ranSources, bundles };
}

function ranSourcesOf(url: string, script: CoveredScript | undefined): string[] {
  const map = `${fileURLToPath(url)}.map`;
  if (!existsSync(map)) return [];
  const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.map(fromRoot);
  if (!url.endsWith('.cjs') || !script) return sources;
  // A wrapper is named by the module's path; a package's own source map may name its sources
  // otherwise (chardet's src/*.ts for lib/*.js), so those go by whether any of its package's ran.
  const wrapperRan = new Map<string, boolean>();
  const packageRan = new Map<string, boolean>();
  for (const fn of script.functions) {
    if (!/^(node_modules|src|db)\//.test(fn.functionName)) continue;
    const ran = (fn.ranges[0]?.count ?? 0) > 0;
    wrapperRan.set(fn.functionName, (wrapperRan.get(fn.functionName) ?? false) || ran);
    const pkg = packageOf(fn.functionName);
    if (pkg) packageRan.set(pkg, (packageRan.get(pkg) ?? false) || ran);
  }
  return sources.filter((source) => (wrapperRan.get(source) ?? packageRan.get(packageOf(source) ?? '')) !== false);
}

function packageOf(path: string): string | undefined {
  return /^node_modules\/(@[^/]+\/)?[^/]+/.exec(path)?.[0];
}

function fromRoot(source: string): string {
  return source.replace(/^(\.\.\/)+/, '');
}
