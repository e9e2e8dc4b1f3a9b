import { sql, type Kysely, type Transaction } from 'kysely';
import type { StarredAlbum, StarredArtist } from '../../domain/stars.js';
import type { Database } from '../schema.js';
import { albumRowToAlbum, artistRowToArtist } from './albums.js';
import { inChunks } from './in-chunks.js';

type Db = Kysely<Database> | Transaction<Database>;

export type StarKind = 'album' | 'artist';

const TABLE = { album: 'album_stars', artist: 'artist_stars' } as const;

/** Stars the albums or artists that exist among `ids`; ones starred already keep their first time. */
export async function insertStars(db: Db, kind: StarKind, userId: number, ids: number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  if (kind === 'album') {
    const existing = await db.selectFrom('albums').select('id').where('id', 'in', ids).execute();
    if (existing.length === 0) return;
    await db
      .insertInto('album_stars')
      .values(existing.map((row) => ({ user_id: userId, album_id: row.id, starred_at: now })))
      .onConflict((oc) => oc.columns(['user_id', 'album_id']).doNothing())
      .execute();
  } else {
    const existing = await db.selectFrom('artists').select('id').where('id', 'in', ids).execute();
    if (existing.length === 0) return;
    await db
      .insertInto('artist_stars')
      .values(existing.map((row) => ({ user_id: userId, artist_id: row.id, starred_at: now })))
      .onConflict((oc) => oc.columns(['user_id', 'artist_id']).doNothing())
      .execute();
  }
}

export async function deleteStars(db: Db, kind: StarKind, userId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (kind === 'album') await db.deleteFrom('album_stars').where('user_id', '=', userId).where('album_id', 'in', ids).execute();
  else await db.deleteFrom('artist_stars').where('user_id', '=', userId).where('artist_id', 'in', ids).execute();
}

/** Newest star first. */
export async function starredAlbums(db: Db, userId: number): Promise<StarredAlbum[]> {
  const { rows } = await sql<Parameters<typeof albumRowToAlbum>[0] & { star_time: string }>`
    select al.*, ar.name as artist_name, st.starred_at as star_time
    from album_stars st join albums al on al.id = st.album_id join artists ar on ar.id = al.artist_id
    where st.user_id = ${userId} and al.song_count > 0
    order by st.starred_at desc, al.id desc`.execute(db);
  return rows.map((row) => ({ starred_at: row.star_time, album: albumRowToAlbum(row) }));
}

export async function starredArtists(db: Db, userId: number): Promise<StarredArtist[]> {
  const rows = await db
    .selectFrom('artist_stars')
    .innerJoin('artists', 'artists.id', 'artist_stars.artist_id')
    .selectAll('artists')
    .select('artist_stars.starred_at as star_time')
    .where('artist_stars.user_id', '=', userId)
    .orderBy('artist_stars.starred_at', 'desc')
    .orderBy('artists.id', 'desc')
    .execute();
  return rows.map(({ star_time, ...artist }) => ({ starred_at: star_time, artist: artistRowToArtist(artist) }));
}

/** When the user starred each of `ids` (absent: not starred). */
export async function starTimes(db: Db, kind: StarKind, userId: number, ids: number[]): Promise<Map<number, string>> {
  const column = kind === 'album' ? 'album_id' : 'artist_id';
  const rows = await inChunks(ids, async (chunk) => {
    const { rows } = await sql<{ id: number; starred_at: string }>`
      select ${sql.ref(column)} as id, starred_at from ${sql.table(TABLE[kind])}
      where user_id = ${userId} and ${sql.ref(column)} in (${sql.join(chunk)})`.execute(db);
    return rows;
  });
  return new Map(rows.map((row) => [row.id, row.starred_at]));
}

/** When the user liked each of `songIds` (likes are song stars). */
export async function likeTimes(db: Db, userId: number, songIds: number[]): Promise<Map<number, string>> {
  const rows = await inChunks(songIds, (chunk) =>
    db.selectFrom('likes').select(['song_id', 'liked_at']).where('user_id', '=', userId).where('song_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.song_id, row.liked_at]));
}
