import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { openDatabase, openStore, type Store } from '../../../src/db/open.js';
import type { Database } from '../../../src/db/schema.js';
import { createCatalogService } from '../../../src/services/catalog/catalog-service.js';
import { systemClock } from '../../../src/services/clock.js';
import { createPlaylistService } from '../../../src/services/playlists/playlist-service.js';
import { postgresUnavailable, startBenchPostgres } from '../lib/bench-postgres.js';
import { ms, percentile, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { copySongsToPostgres } from '../lib/postgres-songs.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { sampleQueries, typoQueries } from './search.js';
import { startServer } from './server.js';

const PAGE = 50;
const ADDS = 200;
const SECONDS = 10;
const CONNECTIONS = 50;
const WORD = 'river';

const stat = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p99 ${ms(percentile(xs, 99))}`;

/**
 * Issue 15 on both databases in one run: the synthetic catalogue copied into a throwaway PostgreSQL
 * (BENCH_PG_TRACKS songs, default all of it), ranked search beside SQLite's, `GET /api/songs?q=` with
 * one and two `tunes serve` on that PostgreSQL (beside one on SQLite), and a playlist add on both.
 */
export const postgresSection: BenchSection = {
  name: 'postgres',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const missing = postgresUnavailable();
    if (missing) return [{ measure: 'PostgreSQL figures', value: `skipped: ${missing}` }];
    const sqlitePath = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
    const tracks = Math.min(ctx.syntheticTracks, Number(process.env.BENCH_PG_TRACKS ?? ctx.syntheticTracks));
    const server = await startBenchPostgres(ctx.log);
    const opened: Store[] = [];
    try {
      const pgStore = await openDatabase(server.url);
      opened.push(pgStore);
      ctx.log(`  copying ${tracks.toLocaleString('en')} songs into PostgreSQL`);
      const started = performance.now();
      const copied = await copySongsToPostgres(sqlitePath, server.url, server.env, tracks);
      const copySeconds = (performance.now() - started) / 1000;
      const sqliteStore = await openStore(sqlitePath);
      opened.push(sqliteStore);

      // The typo stage's vocabulary, as the end of a scan fills it.
      await pgStore.songWriter().refreshSearchTerms();
      const raw = new BetterSqlite3(sqlitePath, { readonly: true });
      const queries = sampleQueries(raw, tracks);
      const typos = typoQueries(raw, tracks);
      raw.close();
      const searchTimes = async (db: Kysely<Database>, list = queries) => {
        const catalog = createCatalogService({ db });
        for (const q of list.slice(0, list === queries ? 50 : 20)) await catalog.listSongs({ query: q, limit: PAGE });
        const times: number[] = [];
        for (const q of list) {
          const t = performance.now();
          await catalog.listSongs({ query: q, limit: PAGE });
          times.push(performance.now() - t);
        }
        return times;
      };
      ctx.log(`  ${queries.length} ranked searches on each database`);
      const onSqlite = await searchTimes(sqliteStore.db);
      const onPostgres = await searchTimes(pgStore.db);
      ctx.log(`  ${typos.length} searches with a typo on each database`);
      const typoSqlite = await searchTimes(sqliteStore.db, typos);
      const typoPostgres = await searchTimes(pgStore.db, typos);

      const adds = async (store: Store) => {
        const db = store.db;
        const user = await db.insertInto('users').values({ username: `bench-${Date.now()}`, password_hash: 'x', role: 'user', created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
        const songs = (await db.selectFrom('songs').select('id').orderBy('id').limit(ADDS).execute()).map((s) => s.id);
        const playlists = createPlaylistService({ db, clock: systemClock });
        const list = await playlists.create(user.id, `bench adds ${Date.now()}`);
        const times: number[] = [];
        for (const id of songs) {
          const t = performance.now();
          await playlists.addSongs(user.id, { id: list.id }, [id]);
          times.push(performance.now() - t);
        }
        return times;
      };
      // Not on the cached catalogue (it stays as built): a fresh SQLite file with the same first songs.
      const scratchSqlite = await openStore(join(mkdtempSync(join(ctx.scratch, 'pg-bench-')), 'tunes.db'));
      opened.push(scratchSqlite);
      await copyFirstSongs(sqliteStore.db, scratchSqlite.db, ADDS);
      const addSqlite = await adds(scratchSqlite);
      const addPostgres = await adds(pgStore);
      for (const store of opened.splice(0)) await store.close();

      const load = async (urls: string[]) => {
        const results = await Promise.all(
          urls.map((url) => autocannon({ url: `${url}/api/songs?q=${WORD}`, connections: CONNECTIONS / urls.length, duration: SECONDS })),
        );
        const bad = results.reduce((n, r) => n + r.non2xx, 0);
        if (bad > 0) throw new Error(`GET /api/songs?q=${WORD}: ${bad} answers were not 2xx`);
        const total = results.reduce((n, r) => n + r.requests.average, 0);
        return { total, text: `${Math.round(total).toLocaleString('en')} req/s, p99 ${Math.max(...results.map((r) => r.latency.p99))} ms` };
      };
      const serve = (db: string) => startServer(db, mkdtempSync(join(ctx.scratch, 'pg-serve-home-')));
      ctx.log(`  autocannon GET /api/songs?q=${WORD}: one server on SQLite, one and two on PostgreSQL (${CONNECTIONS} connections, ${SECONDS} s each)`);
      const sqliteServer = await serve(sqlitePath);
      const oneSqlite = await load([sqliteServer.url]).finally(() => sqliteServer.stop());
      const a = await serve(server.url);
      const b = await serve(server.url);
      let one: Awaited<ReturnType<typeof load>>;
      let two: Awaited<ReturnType<typeof load>>;
      try {
        one = await load([a.url]);
        two = await load([a.url, b.url]);
      } finally {
        await a.stop();
        await b.stop();
      }

      const n = tracks.toLocaleString('en');
      const ratio = two.total / one.total;
      return [
        { measure: `PostgreSQL: copy of ${n} songs (COPY, indexes made after)`, value: `${Math.round(copied / copySeconds).toLocaleString('en')} rows/s (${copySeconds.toFixed(0)} s)` },
        {
          measure: `search, ranked first page on PostgreSQL (${queries.length} prefix queries, ${n} songs)`,
          value: stat(onPostgres),
          baseline: `SQLite, same queries, ${ctx.syntheticTracks.toLocaleString('en')} songs`,
          baselineValue: stat(onSqlite),
        },
        {
          measure: `search with a typo on PostgreSQL (${typos.length} one-edit words of 5+ letters matching nothing as typed; pg_trgm)`,
          value: stat(typoPostgres),
          baseline: 'SQLite, same words',
          baselineValue: stat(typoSqlite),
        },
        { measure: `GET /api/songs?q=${WORD}, one tunes serve on PostgreSQL (${CONNECTIONS} conns)`, value: one.text, baseline: 'one tunes serve on SQLite, same run', baselineValue: oneSqlite.text },
        {
          measure: `GET /api/songs?q=${WORD}, two tunes serve on one PostgreSQL (${CONNECTIONS / 2} conns each)`,
          value: `${two.text} = ${ratio.toFixed(2)}x one (goal >= 1.5x${ratio >= 1.5 ? ', met' : ', NOT MET'})`,
          baseline: 'one tunes serve on PostgreSQL',
          baselineValue: one.text,
        },
        { measure: `playlist add (${ADDS} one-song adds) on PostgreSQL`, value: stat(addPostgres), baseline: 'the same on SQLite', baselineValue: stat(addSqlite) },
      ];
    } finally {
      for (const store of opened.splice(0)) await store.close();
      server.stop();
    }
  },
};

async function copyFirstSongs(from: Kysely<Database>, to: Kysely<Database>, count: number): Promise<void> {
  const rows = await from.selectFrom('songs').selectAll().orderBy('id').limit(count).execute();
  for (const row of rows) await to.insertInto('songs').values({ ...row, album_id: null, artist_id: null, cover_id: null }).execute();
}
