import { sql, type Kysely, type Transaction } from 'kysely';
import type { Song } from '../../domain/song.js';
import type { Database, SongRow } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { caselessMatch } from '../dialect/sql-fragments.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RandomSongFilter {
  genre?: string | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
}

/**
 * Up to `size` visible songs picked at random. Unfiltered, random ids are probed (an index lookup
 * each) instead of `order by random()`, which would sort the whole library (1M rows) every call.
 */
export async function randomSongs(db: Db, size: number, filter: RandomSongFilter): Promise<Song[]> {
  const filtered = filter.genre !== undefined || filter.fromYear !== undefined || filter.toYear !== undefined;
  if (filtered) {
    const genre = filter.genre === undefined ? sql`true` : caselessMatch(db, sql.ref('genre'), filter.genre);
    const from = filter.fromYear === undefined ? sql`true` : sql`year >= ${filter.fromYear}`;
    const to = filter.toYear === undefined ? sql`true` : sql`year <= ${filter.toYear}`;
    const { rows } = await sql<SongRow>`select * from songs where missing_since is null and ${genre} and ${from} and ${to}
      order by random() limit ${size}`.execute(db);
    return rows.map(songRowToSong);
  }
  const bounds = await db.selectFrom('songs').select((eb) => [eb.fn.min('id').as('low'), eb.fn.max('id').as('high')]).executeTakeFirst();
  const low = Number(bounds?.low ?? 0);
  const high = Number(bounds?.high ?? 0);
  if (high === 0) return [];
  const picked = new Map<number, Song>();
  for (let round = 0; round < 8 && picked.size < size; round++) {
    const probes = Array.from({ length: (size - picked.size) * 2 }, () => low + Math.floor(Math.random() * (high - low + 1)));
    const rows = await db.selectFrom('songs').selectAll().where('id', 'in', probes).where('missing_since', 'is', null).execute();
    for (const row of rows) if (picked.size < size) picked.set(row.id, songRowToSong(row));
  }
  if (picked.size < size) {
    // A sparse or small library: take the rest by sorting (it is small, or mostly gaps).
    const { rows } = await sql<SongRow>`select * from songs where missing_since is null order by random() limit ${size}`.execute(db);
    for (const row of rows) if (picked.size < size) picked.set(row.id, songRowToSong(row));
  }
  return [...picked.values()];
}
