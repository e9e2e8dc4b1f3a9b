import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TUNES_BIN = fileURLToPath(new URL('../../../bin/tunes.js', import.meta.url));

/** One row of the bench table: a figure, and beside it the baseline it is compared with. */
export interface BenchRow {
  measure: string;
  value: string;
  baseline?: string;
  baselineValue?: string;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface BenchContext {
  /** Files in the generated corpus the other sections use (BENCH_FILES, default 2000). */
  corpusSize: number;
  /** Corpus sizes the scan comparison runs (BENCH_SCAN_FILES, default 2000,20000). */
  scanSizes: number[];
  /** Rows in the synthetic search database (BENCH_TRACKS, default 1,000,000). */
  syntheticTracks: number;
  /** A per-run scratch folder, removed at the end. */
  scratch: string;
  /** Long-lived cache folder (corpora and synthetic databases keyed by size). */
  cache: string;
  log(message: string): void;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function ms(value: number): string {
  return value < 1 ? `${value.toFixed(3)} ms` : value < 100 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
}

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a process to completion (with `input` on its stdin, if given) and measures its wall time. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, wallMs: performance.now() - started }));
    child.stdin.end(input);
  });
}

export function runTunes(args: string[], home: string, input?: string): Promise<ProcessRun> {
  return runProcess(process.execPath, [TUNES_BIN, ...args], { TUNES_HOME: home }, input);
}

export function mustSucceed(run: ProcessRun, what: string): ProcessRun {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}): ${run.stderr}`);
  return run;
}
