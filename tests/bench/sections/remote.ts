import { copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../../src/db/open.js';
import { createCatalogService } from '../../../src/services/catalog/catalog-service.js';
import { SubsonicClient } from '../../../src/remote/subsonic/client.js';
import { openRemoteLibrary } from '../../../src/remote/subsonic/remote-library.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { ms, percentile, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { sampleQueries } from './search.js';
import { benchToken, startServer } from './server.js';
import { appKey, forgetOtherBranchesMigrations } from './subsonic.js';

const PAGE = 50;
const QUERIES = 200;

/**
 * The first page of a search on a remote library (the client over HTTP on loopback to `tunes serve`
 * on a copy of the synthetic catalogue) beside the same search on the local database, in-process
 * both; and how many connections the remote searches opened (keep-alive: one).
 */
export const remoteSection: BenchSection = {
  name: 'remote',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const source = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
    const dbPath = join(ctx.scratch, 'remote.db');
    const cached = new BetterSqlite3(source);
    cached.pragma('wal_checkpoint(TRUNCATE)');
    // Distinct words, and a warm-up on others: the server keeps recent search3 answers, so a repeated
    // query would measure its cache rather than the search.
    const sampled = [...new Set(sampleQueries(cached, ctx.syntheticTracks))];
    const warmUp = sampled.slice(QUERIES, QUERIES + 30);
    const queries = sampled.slice(0, QUERIES);
    cached.close();
    copyFileSync(source, dbPath);
    forgetOtherBranchesMigrations(dbPath);
    const home = mkdtempSync(join(ctx.scratch, 'remote-home-'));
    benchToken(dbPath, home);
    const key = appKey(dbPath, home);
    const server = await startServer(dbPath, home);
    const store = await openStore(dbPath);
    const local = createCatalogService({ db: store.db });
    const target = { name: 'bench', url: server.url, username: 'bench-listener', credential: { kind: 'apikey' as const, key } };
    const library = openRemoteLibrary(target, { ...process.env, TUNES_HOME: home });
    const probe = new SubsonicClient(target);
    try {
      for (const q of warmUp) {
        await local.listSongs({ query: q, limit: PAGE });
        await library.catalog.listSongs({ query: q, limit: PAGE });
      }
      const localTimes: number[] = [];
      const remoteTimes: number[] = [];
      // Interleaved, so load from the other engineers on this machine falls on both series alike.
      for (const q of queries) {
        let t = performance.now();
        await local.listSongs({ query: q, limit: PAGE });
        localTimes.push(performance.now() - t);
        t = performance.now();
        await library.catalog.listSongs({ query: q, limit: PAGE });
        remoteTimes.push(performance.now() - t);
      }
      for (let i = 0; i < 20; i++) await probe.call('search3', { query: queries[i % queries.length]!, songCount: PAGE, artistCount: 0, albumCount: 0 });
      const stat = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p99 ${ms(percentile(xs, 99))}`;
      const ratio = percentile(remoteTimes, 50) / percentile(localTimes, 50);
      const n = ctx.syntheticTracks.toLocaleString('en');
      return [
        {
          measure: `first page (${PAGE}) of a remote search on loopback, ${queries.length} queries, ${n} songs (goal <= 1.5x local)`,
          value: `${stat(remoteTimes)} (${ratio.toFixed(2)}x local at p50)`,
          baseline: 'the same searches on the local database, in-process, same run',
          baselineValue: stat(localTimes),
        },
        {
          measure: '20 searches in a row from one client: connections opened',
          value: `${probe.traffic.newConnections} for ${probe.traffic.requests} requests`,
          baseline: 'without keep-alive: one per request',
          baselineValue: String(probe.traffic.requests),
        },
      ];
    } finally {
      probe.close();
      await library.close();
      await store.close();
      await server.stop();
    }
  },
};
