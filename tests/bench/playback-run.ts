/**
 * Runs only the playback figures: `npm run build && node --import tsx tests/bench/playback-run.ts`.
 * BENCH_RUNS (default 15) samples per latency figure; BENCH_CPU_SECONDS (default 5) per CPU figure.
 */
import { runPlaybackBench } from './sections/playback.js';

const rows = await runPlaybackBench({
  runs: Number(process.env.BENCH_RUNS) || 15,
  cpuSeconds: Number(process.env.BENCH_CPU_SECONDS) || 5,
  log: (message) => process.stderr.write(`${message}\n`),
});
const header = ['measure', 'value', 'baseline (same run)', 'target'];
const cells = rows.map((r) => [r.name, r.value, r.baseline, r.target]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(`${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n')}\n`);
