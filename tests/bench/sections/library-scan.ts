import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCorpus } from '../lib/corpus.js';
import { median, ms, mustSucceed, runProcess, runTunes, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

/** The figures for other players, measured on this machine with the same kind of corpus. */
const MPD_FILES_PER_S = 2870;
const CMUS_FILES_PER_S = 6700;

// A bare walk + stat of the same tree in a fresh node process: the floor for an unchanged rescan.
const STAT_WALK = `
const { readdirSync, statSync } = require('node:fs'); const { join } = require('node:path');
let n = 0; const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  if (e.name.startsWith('.')) continue; const p = join(d, e.name);
  if (e.isDirectory()) walk(p); else { statSync(p); n++; } } };
walk(process.argv[1]); console.log(n);`;

/** First scan and unchanged rescan of a generated corpus, through the real CLI. */
export const libraryScanSection: BenchSection = {
  name: 'library-scan',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const corpus = await ensureCorpus(ctx.cache, ctx.corpusSize, ctx.log);
    const home = mkdtempSync(join(ctx.scratch, 'scan-home-'));
    mustSucceed(await runTunes(['register', 'bench', '--password-stdin'], home, 'bench password\n'), 'register');

    const first = mustSucceed(await runTunes(['library', 'add', corpus, '--json'], home), 'first scan');
    const firstScan = JSON.parse(first.stdout).scan as { added: number; duration_ms: number; failed: number };
    if (firstScan.added !== ctx.corpusSize) throw new Error(`first scan added ${firstScan.added} of ${ctx.corpusSize}`);

    const rescans: number[] = [];
    const rescanInternal: number[] = [];
    const walks: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const rescan = mustSucceed(await runTunes(['library', 'scan', '--json'], home), 'rescan');
      rescans.push(rescan.wallMs);
      rescanInternal.push((JSON.parse(rescan.stdout) as { duration_ms: number }).duration_ms);
      walks.push(mustSucceed(await runProcess(process.execPath, ['-e', STAT_WALK, corpus]), 'stat walk').wallMs);
    }
    const inProcessWalk = timeInProcessWalk(corpus);
    const naiveMs = await timeNaiveParse(corpus);

    const n = ctx.corpusSize.toLocaleString('en');
    const rate = (count: number, msTaken: number) => `${Math.round(count / (msTaken / 1000)).toLocaleString('en')} files/s`;
    return [
      {
        measure: `first scan, ${n} files (tunes library add, wall incl. startup)`,
        value: `${rate(ctx.corpusSize, first.wallMs)} (${ms(first.wallMs)})`,
        baseline: 'mpd 0.23 / cmus 2.10 (issue figures)',
        baselineValue: `${MPD_FILES_PER_S.toLocaleString('en')} / ${CMUS_FILES_PER_S.toLocaleString('en')} files/s`,
      },
      {
        measure: 'first scan, scanner only (walk + tags + writes)',
        value: rate(ctx.corpusSize, firstScan.duration_ms),
        baseline: 'music-metadata parseFile, one file at a time (this run)',
        baselineValue: rate(ctx.corpusSize, naiveMs),
      },
      {
        measure: `unchanged rescan, ${n} files (tunes library scan, median of 5)`,
        value: `${ms(median(rescans))} wall, ${ms(median(rescanInternal))} in scanner`,
        baseline: 'bare readdir+stat walk (node process / in-process)',
        baselineValue: `${ms(median(walks))} / ${ms(inProcessWalk)}`,
      },
    ];
  },
};

/** The naive baseline (~490 files/s there): parseFile on each file in turn, in this process. */
async function timeNaiveParse(root: string): Promise<number> {
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
  walk(root);
  const started = performance.now();
  for (const path of paths) await parseFile(path, { duration: false, skipCovers: true });
  return performance.now() - started;
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
