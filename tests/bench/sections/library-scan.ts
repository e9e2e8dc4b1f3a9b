import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baselineBuild, type BaselineBuild } from '../lib/baseline-build.js';
import { ensureCorpus } from '../lib/corpus.js';
import { median, ms, mustSucceed, runProcess, TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { cmusFirstScan } from '../lib/peers/cmus.js';
import { ensurePeers } from '../lib/peers/install.js';
import { emptyMpdDatabase, startMpd, type MpdInstance } from '../lib/peers/mpd.js';

// A bare walk + stat of the same tree in a fresh node process: the floor for an unchanged rescan.
const STAT_WALK = `
const { readdirSync, statSync } = require('node:fs'); const { join } = require('node:path');
let n = 0; const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  if (e.name.startsWith('.')) continue; const p = join(d, e.name);
  if (e.isDirectory()) walk(p); else { statSync(p); n++; } } };
walk(process.argv[1]); console.log(n);`;

interface Peers {
  problems: Map<'cmus' | 'mpd', string>;
  baseline: BaselineBuild | undefined;
  emptyMpd: string | undefined;
}

/**
 * First scan and unchanged rescan of generated corpora (2,000 and 20,000 files), through the real
 * CLI, with cmus and mpd scanning the same corpus in the same run, interleaved (tunes, the baseline
 * build, cmus, mpd; again), so a busy machine slows all of them alike. Medians; ratios are tunes ÷ peer.
 */
export const libraryScanSection: BenchSection = {
  name: 'library-scan',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const problems = ensurePeers(ctx.log);
    const baseline = await baselineBuild(process.env.BENCH_BASELINE, ctx.cache, ctx.log);
    const emptyMpd = problems.has('mpd') ? undefined : await emptyMpdDatabase(ctx.scratch);
    const rows: BenchRow[] = [];
    for (const size of ctx.scanSizes) rows.push(...(await scanRows(ctx, size, { problems, baseline, emptyMpd })));
    for (const [peer, why] of problems) rows.push({ measure: `${peer} not measured`, value: why });
    return rows;
  },
};

interface TunesScan {
  wallMs: number;
  scannerMs: number;
  home: string;
}

async function tunesFirstScan(bin: string, corpus: string, size: number, scratch: string): Promise<TunesScan> {
  const home = mkdtempSync(join(scratch, 'scan-home-'));
  const run = (args: string[], input?: string) => runProcess(process.execPath, [bin, ...args], { TUNES_HOME: home }, input);
  mustSucceed(await run(['register', 'bench', '--password-stdin'], 'bench password\n'), 'register');
  const first = mustSucceed(await run(['library', 'add', corpus, '--json']), `first scan (${bin})`);
  const scan = JSON.parse(first.stdout).scan as { added: number; duration_ms?: number; durationMs?: number };
  if (scan.added !== size) throw new Error(`first scan added ${scan.added} of ${size} (${bin})`);
  return { wallMs: first.wallMs, scannerMs: scan.duration_ms ?? scan.durationMs ?? NaN, home };
}

async function scanRows(ctx: BenchContext, size: number, peers: Peers): Promise<BenchRow[]> {
  const corpus = await ensureCorpus(ctx.cache, size, ctx.log);
  const rounds = size >= 10_000 ? 3 : 5;
  const tunes: TunesScan[] = [];
  const base: TunesScan[] = [];
  const cmus: Array<{ ms: number; files: number }> = [];
  const mpdFirst: Array<{ ms: number; files: number }> = [];
  let mpd: MpdInstance | undefined;
  try {
    for (let round = 0; round < rounds; round += 1) {
      ctx.log(`library-scan: ${size} files, round ${round + 1} of ${rounds}`);
      tunes.push(await tunesFirstScan(TUNES_BIN, corpus, size, ctx.scratch));
      if (peers.baseline) base.push(await tunesFirstScan(peers.baseline.bin, corpus, size, ctx.scratch));
      if (!peers.problems.has('cmus')) cmus.push(await cmusFirstScan(corpus, ctx.scratch));
      if (peers.emptyMpd) {
        await mpd?.stop();
        mpd = await startMpd(corpus, ctx.scratch, peers.emptyMpd);
        mpdFirst.push(await mpd.update());
      }
    }
    const home = tunes.at(-1)!.home;
    const rescans: number[] = [];
    const rescanInternal: number[] = [];
    const mpdRescans: number[] = [];
    const walks: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const rescan = mustSucceed(await runProcess(process.execPath, [TUNES_BIN, 'library', 'scan', '--json'], { TUNES_HOME: home }), 'rescan');
      rescans.push(rescan.wallMs);
      rescanInternal.push((JSON.parse(rescan.stdout) as { duration_ms: number }).duration_ms);
      if (mpd) mpdRescans.push((await mpd.update()).ms);
      walks.push(mustSucceed(await runProcess(process.execPath, ['-e', STAT_WALK, corpus]), 'stat walk').wallMs);
    }
    return [
      firstScanRow(size, tunes, cmus, mpdFirst),
      scannerRow(size, tunes, base, peers.baseline),
      {
        measure: `unchanged rescan, ${count(size)} files (tunes library scan, median of 5)`,
        value: `${ms(median(rescans))} wall, ${ms(median(rescanInternal))} in scanner`,
        baseline: 'mpd update --wait, unchanged / bare readdir+stat walk (node process / in-process)',
        baselineValue: `${mpdRescans.length > 0 ? `mpd ${ms(median(mpdRescans))} (tunes ÷ mpd ${ratio(median(rescans), median(mpdRescans))})` : 'mpd —'}` +
          ` / ${ms(median(walks))} / ${ms(timeInProcessWalk(corpus))}`,
      },
      ...(size <= 2000 ? [await naiveRow(corpus, size, tunes)] : []),
    ];
  } finally {
    await mpd?.stop();
    for (const scan of [...tunes, ...base]) rmSync(scan.home, { recursive: true, force: true });
  }
}

function firstScanRow(size: number, tunes: TunesScan[], cmus: Array<{ ms: number; files: number }>, mpd: Array<{ ms: number; files: number }>): BenchRow {
  const wall = median(tunes.map((t) => t.wallMs));
  const peer = (name: string, runs: Array<{ ms: number; files: number }>) => {
    if (runs.length === 0) return `${name} —`;
    const read = Math.min(...runs.map((r) => r.files));
    const short = read < size ? `, read ${count(read)}` : '';
    return `${name} ${seconds(median(runs.map((r) => r.ms)))} (tunes ÷ ${name} ${ratio(wall, median(runs.map((r) => r.ms)))}${short})`;
  };
  return {
    measure: `first scan, ${count(size)} files (tunes library add, wall incl. start-up; median of ${tunes.length})`,
    value: `${seconds(wall)} (${rate(size, wall)})`,
    baseline: 'cmus add -l / mpd update --wait, same corpus, same run',
    baselineValue: `${peer('cmus', cmus)} / ${peer('mpd', mpd)}`,
  };
}

function scannerRow(size: number, tunes: TunesScan[], base: TunesScan[], baseline: BaselineBuild | undefined): BenchRow {
  const scanner = median(tunes.map((t) => t.scannerMs));
  const row = { measure: `first scan, ${count(size)} files, scanner only (walk + tags + writes)`, value: `${seconds(scanner)} (${rate(size, scanner)})` };
  if (!baseline || base.length === 0) return row;
  const before = median(base.map((t) => t.scannerMs));
  const change = ((scanner - before) / before) * 100;
  return {
    ...row,
    baseline: `the same in ${baseline.label}, same run (cost of this checkout's changes)`,
    baselineValue: `${seconds(before)} (${change >= 0 ? '+' : ''}${change.toFixed(1)}%; wall ${seconds(median(base.map((t) => t.wallMs)))})`,
  };
}

/** The issue's naive baseline: music-metadata's parseFile on each file in turn, in this process. */
async function naiveRow(corpus: string, size: number, tunes: TunesScan[]): Promise<BenchRow> {
  const { parseFile } = await import('music-metadata');
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else paths.push(path);
    }
  };
  walk(corpus);
  const started = performance.now();
  for (const path of paths) await parseFile(path, { duration: false, skipCovers: true });
  const naive = performance.now() - started;
  return {
    measure: `first scan, ${count(size)} files, scanner only, as a rate`,
    value: rate(size, median(tunes.map((t) => t.scannerMs))),
    baseline: 'music-metadata parseFile, one file at a time (this run)',
    baselineValue: rate(size, naive),
  };
}

function timeInProcessWalk(root: string): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else statSync(path);
      }
    };
    walk(root);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const count = (n: number) => n.toLocaleString('en');
const rate = (files: number, msTaken: number) => `${Math.round(files / (msTaken / 1000)).toLocaleString('en')} files/s`;
const seconds = (value: number) => (value < 1000 ? ms(value) : `${(value / 1000).toFixed(2)} s`);
const ratio = (a: number, b: number) => (a / b).toFixed(2);
