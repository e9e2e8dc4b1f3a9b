import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../../../scripts/bundle-options.mjs';
import { ensureCoverCorpus } from '../lib/cover-corpus.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { median, ms, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

const ROUNDS = 5;
const ENTRY = fileURLToPath(new URL('../scan-bench-entry.ts', import.meta.url));
const TAG_WORKER = fileURLToPath(new URL('../../../src/services/library/tag-worker.ts', import.meta.url));

type Scanner = typeof import('../scan-bench-entry.js');

/**
 * What albums, artists and covers cost a first scan: the same scanner on the same corpus (with covers
 * embedded and in folders) with that work and without it, interleaved, each on a fresh database.
 * Target: no more than 10 % (issue 10).
 */
export const libraryAlbumsSection: BenchSection = {
  name: 'library-albums',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const corpus = await ensureCoverCorpus(ctx.cache, ctx.corpusSize, ctx.log);
    // Bundled as scripts/bundle.mjs bundles the CLI (its tag-mapper plugin makes parsing ~20 % cheaper,
    // which a tsx run would lack, understating what the album work adds).
    // Inside the repository, so the bundle's external packages (better-sqlite3, sharp) resolve.
    const outdir = fileURLToPath(new URL('../../../dist/bench-scan/', import.meta.url));
    await build({ ...bundleOptions, entryPoints: [ENTRY, TAG_WORKER], outdir });
    const scanner = (await import(pathToFileURL(join(outdir, 'scan-bench-entry.js')).href)) as Scanner;
    const scanOnce = (albums: boolean) => scan(scanner, ctx, corpus, albums);
    const withAlbums: number[] = [];
    const without: number[] = [];
    const cpuWith: number[] = [];
    const cpuWithout: number[] = [];
    let grouped = { albums: 0, covers: 0 };
    // Once each to warm the page cache and the bundles' loading, then interleaved.
    await scanOnce(true);
    await scanOnce(false);
    for (let round = 0; round < ROUNDS; round += 1) {
      const run = await scanOnce(true);
      withAlbums.push(run.ms);
      cpuWith.push(run.cpuMs);
      grouped = run;
      const plain = await scanOnce(false);
      without.push(plain.ms);
      cpuWithout.push(plain.cpuMs);
    }
    const ratio = median(withAlbums) / median(without);
    const cpuRatio = median(cpuWith) / median(cpuWithout);
    const n = ctx.corpusSize.toLocaleString('en');
    return [
      {
        measure: `first scan, ${n} files with covers: albums, artists and covers (${grouped.albums} albums, ${grouped.covers} covers; wall, median of ${ROUNDS})`,
        value: `${ms(median(withAlbums))} (${ratio.toFixed(2)}x; target <= 1.10x)`,
        baseline: 'the same scan without album/cover work (this run)',
        baselineValue: ms(median(without)),
      },
      ...(await browsingAtScale(scanner, ctx)),
      {
        // CPU time of every thread: less swayed than wall time by what else runs on the machine.
        measure: 'the same scans, CPU time of all threads (median)',
        value: `${ms(median(cpuWith))} (${cpuRatio.toFixed(2)}x)`,
        baseline: 'without album/cover work',
        baselineValue: ms(median(cpuWithout)),
      },
    ];
  },
};

async function scan(
  { openStore, createAuthService, createLibraryService, systemClock }: Scanner,
  ctx: BenchContext,
  corpus: string,
  albums: boolean,
): Promise<{ ms: number; cpuMs: number; albums: number; covers: number }> {
  const store = await openStore(join(mkdtempSync(join(ctx.scratch, 'albums-')), 'tunes.db'));
  try {
    const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: { logN: 10, r: 8, p: 1 } });
    const admin = (await auth.register('bench', 'bench password')).user;
    const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock: systemClock });
    const cpu = process.cpuUsage();
    const { scan } = await library.addRoots(admin, [corpus], { albums });
    const used = process.cpuUsage(cpu);
    if (scan.added !== ctx.corpusSize) throw new Error(`scan added ${scan.added} of ${ctx.corpusSize}`);
    const count = (sql: string) => store.sqlite.prepare(sql).pluck().get() as number;
    return { ms: scan.duration_ms, cpuMs: (used.user + used.system) / 1000, albums: count('select count(*) from albums where song_count > 0'), covers: count('select count(*) from albums where cover_id is not null') };
  } finally {
    await store.close();
  }
}

/** Albums and artists listed from the big synthetic catalogue, beside its first page of songs. */
async function browsingAtScale({ openStore, createBrowseService, createCatalogService }: Scanner, ctx: BenchContext): Promise<BenchRow[]> {
  const path = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
  const store = await openStore(path);
  try {
    const browse = createBrowseService({ db: store.db });
    const catalog = createCatalogService({ db: store.db });
    const time = async (work: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const started = performance.now();
        await work();
        samples.push(performance.now() - started);
      }
      return median(samples);
    };
    const songsPage = await time(() => catalog.listSongs({ limit: 100 }));
    const [someAlbum] = await browse.albums({ limit: 1, offset: 5000, sort: 'name' });
    const [someArtist] = await browse.artists({ limit: 1, offset: 1000 });
    const n = ctx.syntheticTracks.toLocaleString('en');
    const rows: Array<[string, () => Promise<unknown>]> = [
      ['albums, first page of 100 by name', () => browse.albums({ limit: 100, offset: 0 })],
      ['albums by year, page 50', () => browse.albums({ limit: 100, offset: 4900, sort: 'year' })],
      ['albums by added, first page', () => browse.albums({ limit: 100, offset: 0, sort: 'added' })],
      ['count of albums', () => browse.countAlbums()],
      ['artists, first page of 100', () => browse.artists({ limit: 100, offset: 0 })],
      ['one album with its songs', () => browse.album(someAlbum!.id)],
      ['one artist with albums and appears-on', () => browse.artist(someArtist!.id)],
      ['songs --artist (album or track artist), first page', () => catalog.listSongs({ artist: someArtist!.name, limit: 100 })],
    ];
    const out: BenchRow[] = [];
    for (const [what, work] of rows) {
      out.push({ measure: `${what} (${n} songs, median of 15)`, value: ms(await time(work)), baseline: 'first page of songs', baselineValue: ms(songsPage) });
    }
    return out;
  } finally {
    await store.close();
  }
}
