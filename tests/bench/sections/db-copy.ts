import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../../src/db/open.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

/**
 * `tunes db copy` of the synthetic library (BENCH_TRACKS songs, with their albums and artists):
 * rows per second into a new SQLite file, beside SQLite's own VACUUM INTO of the same file in the
 * same run (a page copy with no row work: the ceiling), and into PostgreSQL when one is given
 * (BENCH_POSTGRES_URL, or the test server under scripts/with-postgres.sh).
 */
export const dbCopySection: BenchSection = {
  name: 'db-copy',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const cached = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
    // A copy of the cached file, brought up to date before anything is timed (the cache may predate migrations).
    const source = join(ctx.scratch, 'copy-source.db');
    copyFileSync(cached, source);
    await (await openStore(source)).close();
    const n = ctx.syntheticTracks.toLocaleString('en');

    ctx.log(`db-copy: VACUUM INTO of ${n} songs`);
    const raw = new BetterSqlite3(source);
    const started = performance.now();
    raw.exec(`vacuum into '${join(ctx.scratch, 'copy-vacuum.db')}'`);
    const vacuumSeconds = (performance.now() - started) / 1000;
    raw.close();

    ctx.log(`db-copy: tunes db copy of ${n} songs to SQLite`);
    const toSqlite = await timedCopy(source, join(ctx.scratch, 'copy-target.db'));
    const rows: BenchRow[] = [
      {
        measure: `db copy SQLite -> SQLite, ${n} songs (${toSqlite.rows.toLocaleString('en')} rows)`,
        value: `${rate(toSqlite.rows, toSqlite.seconds)} rows/s (${toSqlite.seconds.toFixed(1)} s)`,
        baseline: 'SQLite VACUUM INTO, same file',
        baselineValue: `${rate(toSqlite.rows, vacuumSeconds)} rows/s (${vacuumSeconds.toFixed(1)} s)`,
      },
    ];
    const postgres = process.env.BENCH_POSTGRES_URL ?? process.env.TUNES_TEST_POSTGRES_URL;
    if (postgres) {
      ctx.log(`db-copy: tunes db copy of ${n} songs to PostgreSQL`);
      const toPostgres = await timedCopy(source, postgres, true);
      rows.push({
        measure: `db copy SQLite -> PostgreSQL, ${n} songs`,
        value: `${rate(toPostgres.rows, toPostgres.seconds)} rows/s (${toPostgres.seconds.toFixed(1)} s)`,
        baseline: 'SQLite -> SQLite above',
        baselineValue: `${rate(toSqlite.rows, toSqlite.seconds)} rows/s`,
      });
    } else {
      rows.push({ measure: 'db copy SQLite -> PostgreSQL', value: 'skipped (no BENCH_POSTGRES_URL; run under scripts/with-postgres.sh)' });
    }
    return rows;
  },
};

async function timedCopy(source: string, target: string, force = false): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const args = [TUNES_BIN, '--db', source, 'db', 'copy', '--to', target, '--json', ...(force ? ['--force'] : [])];
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tunes db copy exited ${code}: ${err.trim()}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  return { rows: (JSON.parse(stdout) as { total_rows: number }).total_rows, seconds };
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en');
