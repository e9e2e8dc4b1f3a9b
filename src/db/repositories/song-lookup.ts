import type { Kysely, Transaction } from 'kysely';
import type { Song } from '../../domain/song.js';
import type { Database } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { storableIds } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

// The lookups playlists and likes need from the catalogue; the catalog service owns browsing and search.

const CHUNK = 500; // stays well under SQLite's limit on bound parameters

export async function existingSongIds(db: Db, wanted: number[]): Promise<Set<number>> {
  const ids = storableIds(wanted);
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('songs').select('id').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function songsByPaths(db: Db, paths: string[]): Promise<Map<string, Song>> {
  const found = new Map<string, Song>();
  const unique = [...new Set(paths)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('songs').selectAll().where('path', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const row of rows) found.set(row.path, songRowToSong(row));
  }
  return found;
}

/** Every song's identity, available ones first, for matching by artist and title. */
export async function songIdentities(
  db: Db,
): Promise<Array<Pick<Song, 'id' | 'artist' | 'title' | 'missing_since'>>> {
  return db
    .selectFrom('songs')
    .select(['id', 'artist', 'title', 'missing_since'])
    .orderBy((eb) => eb('missing_since', 'is not', null))
    .orderBy('id')
    .execute();
}
