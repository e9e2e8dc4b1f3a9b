/**
 * `npm run bench`: prints one table of speed figures, each beside its baseline measured in the same run.
 *   BENCH_FILES=2000        files in the generated corpus (search, start-up sections)
 *   BENCH_SCAN_FILES=2000,20000  corpus sizes the scan section compares with cmus and mpd
 *   BENCH_BASELINE=main     a git ref built beside this checkout and scanned in the same run
 *                           (default main when this checkout differs from it; none: off)
 *   BENCH_TRACKS=1000000    rows in the synthetic search database
 *   BENCH_ONLY=search,...   run only these sections
 *   BENCH_CACHE=<dir>       where corpora and synthetic databases are kept between runs
 *                           (default: $TMPDIR/tunes-bench-cache; delete it to rebuild)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchRow } from './lib/measure.js';
import { sections } from './sections/index.js';

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const cache = process.env.BENCH_CACHE ?? join(tmpdir(), 'tunes-bench-cache');
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'tunes-bench-'));
const ctx: BenchContext = {
  corpusSize: positive(process.env.BENCH_FILES, 2000),
  scanSizes: (process.env.BENCH_SCAN_FILES ?? '2000,20000').split(',').map((n) => positive(n.trim(), 2000)),
  syntheticTracks: positive(process.env.BENCH_TRACKS, 1_000_000),
  scratch,
  cache,
  log: (message) => process.stderr.write(`${message}\n`),
};

const rows: Array<BenchRow & { section: string }> = [];
const loadBefore = loadavg()[0]!;
try {
  for (const section of sections) {
    if (only && !only.includes(section.name)) continue;
    ctx.log(`running ${section.name}…`);
    try {
      for (const row of await section.run(ctx)) rows.push({ section: section.name, ...row });
    } catch (error) {
      rows.push({ section: section.name, measure: 'FAILED', value: error instanceof Error ? error.message : String(error) });
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// Other processes share this machine; the load says how far to trust the absolute figures.
rows.push({
  section: 'machine',
  measure: `load average (1 min), ${availableParallelism()} cores`,
  value: `${loadBefore.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
});
process.stdout.write(`${renderTable(rows)}\n`);
if (rows.some((r) => r.measure === 'FAILED')) process.exitCode = 1;

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

function renderTable(table: Array<BenchRow & { section: string }>): string {
  const header = ['section', 'measure', 'value', 'baseline', 'baseline value'];
  const cells = table.map((r) => [r.section, r.measure, r.value, r.baseline ?? '', r.baselineValue ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
