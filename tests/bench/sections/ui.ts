import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { bundleOptions } from '../../../scripts/bundle-options.mjs';

/**
 * Interactive UI figures at a million songs, each beside its baseline from the same run: first frame
 * vs importing Ink alone, key press -> frame, search keystroke -> results vs the bare catalog query,
 * resident memory vs Ink's own floor. The app runs from a bundle of tests/bench/ui-bench-entry.ts built with
 * the shipped build's esbuild options, so it loads and holds what `tunes` (dist/bundle) does; the log
 * shows where the memory goes by stage. Shaped like the bench harness's BenchSection (structurally).
 *   BENCH_TRACKS   songs in the synthetic library (default 1,000,000)
 */
interface Row {
  measure: string;
  value: string;
  baseline?: string;
  baselineValue?: string;
}

interface Context {
  cache: string;
  scratch: string;
  syntheticTracks?: number;
  log(message: string): void;
}

interface FloorRun {
  importMs: number;
  rss: number;
}

interface AppRun {
  total: number;
  word: string;
  importMs: number;
  firstAnyMs: number;
  firstSongsMs: number;
  firstCountMs: number;
  downMedian: number;
  downP95: number;
  downCpuMs: number;
  upMedian: number;
  upP95: number;
  bottomMs: number;
  searchMedian: number;
  searchMax: number;
  directMedian: number;
  directMax: number;
  rss: number;
  rssServices: number;
  rssFirst: number;
  rssScrolled: number;
  scrolledRows: number;
  inkRenderMedian: number;
  stages: { stage: string; rss: number; heapUsed: number; heapTotal: number; external: number; newSpace: number }[];
}

// bin/tunes.js starts the browser with these node flags (its shell line): the app runs with them too.
const LAUNCHER = fileURLToPath(new URL('../../../bin/tunes.js', import.meta.url));
const uiNodeFlags = (): string[] => /exec node ((?:--[\w-]+=\S+ )+)"\$0"/.exec(readFileSync(LAUNCHER, 'utf8'))?.[1]?.trim().split(' ') ?? [];
const WORKER = fileURLToPath(new URL('../ui-worker.mjs', import.meta.url));
const ENTRY = fileURLToPath(new URL('../ui-bench-entry.ts', import.meta.url));
// Inside the repository, so the bundle's external packages (ink, react, better-sqlite3) resolve from node_modules.
const BUNDLE = fileURLToPath(new URL('../../../dist/bench-ui/', import.meta.url));

export const uiSection = {
  name: 'ui',
  async run(ctx: Context): Promise<Row[]> {
    const tracks = ctx.syntheticTracks ?? positive(process.env['BENCH_TRACKS'], 1_000_000);
    const cached = await ensureSyntheticDb(ctx.cache, tracks, ctx.log);
    // The run registers a user; keep the cached database as it was.
    const dir = join(ctx.scratch, 'ui');
    mkdirSync(dir, { recursive: true });
    const db = join(dir, 'tunes.db');
    copyFileSync(cached, db);

    // The worker loads src as `tunes` does: bundled with the shipped build's esbuild options.
    ctx.log('ui: bundling the bench entry as scripts/bundle.mjs does');
    rmSync(BUNDLE, { recursive: true, force: true });
    await build({ ...bundleOptions, entryPoints: [ENTRY], outdir: BUNDLE });

    ctx.log('ui: measuring ink alone (3 fresh processes)');
    const floors: FloorRun[] = [];
    for (let i = 0; i < 3; i += 1) floors.push(await worker<FloorRun>(['ink-floor']));
    const inkImport = median(floors.map((f) => f.importMs));
    const inkRss = median(floors.map((f) => f.rss));

    ctx.log(`ui: driving the app over ${tracks.toLocaleString('en')} songs`);
    // The worker types the first word of a title from the middle of the catalogue.
    const entry = join(BUNDLE, 'ui-bench-entry.js');
    await worker<object>(['register', db, dir, entry]);
    const flags = uiNodeFlags();
    ctx.log(`ui: the app runs with bin/tunes.js's flags for the browser: ${flags.join(' ') || '(none)'}`);
    const app = await worker<AppRun>(['app', db, dir, entry], flags);
    // The same drive on node's own heap sizing: what the flags save, in this run.
    const unflagged = flags.length > 0 ? await worker<AppRun>(['app', db, dir, entry]) : app;
    // The same drive with the playing song's cover in the now-playing area (24-bit half blocks,
    // from a 96 px JPEG as the covers cache holds it).
    ctx.log('ui: again, with the cover shown');
    const cover = join(dir, 'cover.jpg');
    const sharp = (await import('sharp')).default;
    const noise = Buffer.alloc(96 * 96 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    writeFileSync(cover, await sharp(noise, { raw: { width: 96, height: 96, channels: 3 } }).jpeg({ quality: 85 }).toBuffer());
    const withArt = await worker<AppRun>(['app', db, dir, entry, cover], flags);
    // And as the previous stop drew it (colour codes inside Ink's frame), to show what the layer saves.
    ctx.log('ui: again, the cover in Ink\'s frame (the old way)');
    const inFrame = await worker<AppRun>(['app', db, dir, entry, cover, 'in-frame'], flags);
    for (const s of app.stages) {
      ctx.log(`ui: memory, ${s.stage}: rss ${s.rss} MiB (JS heap ${s.heapUsed} used / ${s.heapTotal}, of which young generation ${s.newSpace}; external ${s.external})`);
    }
    const n = app.total.toLocaleString('en');
    return [
      {
        measure: `first frame: import UI -> first screen of songs (${n} songs)`,
        value: `${ms(app.firstSongsMs)} (${(app.firstSongsMs / inkImport).toFixed(2)}x; any frame ${ms(app.firstAnyMs)}, exact count ${ms(app.firstCountMs)})`,
        baseline: 'import("ink") alone, fresh process (target <= 1.3x)',
        baselineValue: ms(inkImport),
      },
      {
        measure: `key j -> frame, top of ${n} songs (median / p95 of 150)`,
        value: `${ms(app.downMedian)} / ${ms(app.downP95)} (Ink's own render ${ms(app.inkRenderMedian)} median)`,
        baseline: 'target',
        baselineValue: '<= 16 ms',
      },
      {
        measure: `key k -> frame, end of ${n} songs (median / p95 of 150)`,
        value: `${ms(app.upMedian)} / ${ms(app.upP95)}`,
        baseline: 'target',
        baselineValue: '<= 16 ms',
      },
      { measure: `key G -> frame showing song ${n}`, value: ms(app.bottomMs) },
      {
        measure: `key j -> frame with the playing song's cover shown, 12x6 half blocks via the layer (median / p95 of 150)`,
        value: `${ms(withArt.downMedian)} / ${ms(withArt.downP95)} (Ink's own render ${ms(withArt.inkRenderMedian)} median)`,
        baseline: 'the same keys without the cover, this run',
        baselineValue: `${ms(app.downMedian)} / ${ms(app.downP95)}`,
      },
      {
        measure: `key k -> frame with the cover shown (median / p95 of 150)`,
        value: `${ms(withArt.upMedian)} / ${ms(withArt.upP95)}`,
        baseline: 'the same keys without the cover, this run',
        baselineValue: `${ms(app.upMedian)} / ${ms(app.upP95)}`,
      },
      {
        measure: `key j -> frame, the cover's colour codes in Ink's frame (the previous stop's way; median / p95)`,
        value: `${ms(inFrame.downMedian)} / ${ms(inFrame.downP95)} (Ink's own render ${ms(inFrame.inkRenderMedian)} median)`,
        baseline: 'drawn by the half-block layer, this run',
        baselineValue: `${ms(withArt.downMedian)} / ${ms(withArt.downP95)}`,
      },
      {
        measure: `search keystroke -> results on screen, "${app.word}" typed (median / max)`,
        value: `${ms(app.searchMedian)} / ${ms(app.searchMax)}`,
        baseline: 'catalog.listSongs, same prefixes, direct (target <= 50 ms on screen)',
        baselineValue: `${ms(app.directMedian)} / ${ms(app.directMax)}`,
      },
      {
        measure: `resident memory at the first screen of ${n} songs (target <= 90 MiB)`,
        value: `${app.rssFirst.toFixed(1)} MiB (node's own heap sizing: ${unflagged.rssFirst.toFixed(1)} MiB)`,
        baseline: "ink's floor: import + one <Text>",
        baselineValue: `${inkRss.toFixed(1)} MiB`,
      },
      {
        measure: `resident memory after paging through ${app.scrolledRows.toLocaleString('en')} rows (target <= 90 MiB)`,
        value: `${app.rssScrolled.toFixed(1)} MiB (node's own heap sizing: ${unflagged.rssScrolled.toFixed(1)} MiB)`,
        baseline: "ink's floor: import + one <Text>",
        baselineValue: `${inkRss.toFixed(1)} MiB`,
      },
      {
        measure: `key j -> frame with bin/tunes.js's ${flags.join(' ') || '(no flags)'} (median / p95 of 150; CPU per key)`,
        value: `${ms(app.downMedian)} / ${ms(app.downP95)}; ${ms(app.downCpuMs)} CPU`,
        baseline: "the same on node's own heap sizing, this run",
        baselineValue: `${ms(unflagged.downMedian)} / ${ms(unflagged.downP95)}; ${ms(unflagged.downCpuMs)} CPU`,
      },
      {
        measure: `resident memory after scrolling and searching ${n} songs`,
        // Where it goes: the services and SQLite before any UI, then the first screen, then use.
        value: `${app.rss.toFixed(1)} MiB (+${(app.rss - inkRss).toFixed(1)} MiB; services open ${app.rssServices.toFixed(0)}, first frame ${app.rssFirst.toFixed(0)})`,
        baseline: "ink's floor: import + one <Text> (target <= +40 MiB)",
        baselineValue: `${inkRss.toFixed(1)} MiB`,
      },
    ];
  },
};

function worker<T>(args: string[], nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ui bench worker ${args[0]} failed (${code}): ${stderr.slice(-500)}`));
      resolve(JSON.parse(stdout) as T);
    });
  });
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

function ms(value: number): string {
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
