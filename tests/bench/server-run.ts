/**
 * Runs only the server figures: `npm run build && node --import tsx tests/bench/server-run.ts`.
 * BENCH_TRACKS (default 1,000,000) songs; BENCH_CACHE keeps the generated database between runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverSection } from './sections/server.js';

const scratch = mkdtempSync(join(tmpdir(), 'tunes-bench-'));
try {
  const rows = await serverSection.run({
    syntheticTracks: Number(process.env.BENCH_TRACKS) || 1_000_000,
    scratch,
    cache: process.env.BENCH_CACHE ?? join(tmpdir(), 'tunes-bench-cache'),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  for (const row of rows) process.stdout.write(`${row.measure}: ${row.value}   | ${row.baseline}: ${row.baselineValue}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
