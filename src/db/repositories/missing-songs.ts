import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { bytewise, integerList } from '../dialect/sql-fragments.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MissingSongRow {
  id: number;
  path: string;
  title: string;
  artist: string;
  album: string;
  missing_since: string;
}

/** Songs whose file is gone, oldest first. */
export async function listMissingSongs(db: Db): Promise<MissingSongRow[]> {
  const { rows } = await sql<MissingSongRow>`
    select id, path, title, artist, album, missing_since from songs
    where missing_since is not null order by missing_since, ${bytewise(db, sql.ref('path'))}`.execute(db);
  return rows;
}

export interface PlaylistLoss {
  id: number;
  name: string;
  /** Entries (places) that would go. */
  entries: number;
}

export interface OthersLoss {
  users: number;
  playlists: number;
  entries: number;
  likes: number;
}


/** The owner's playlists that hold any of these songs, with how many of their places they hold. */
export async function playlistLosses(db: Db, ownerId: number, songIds: readonly number[]): Promise<PlaylistLoss[]> {
  const { rows } = await sql<PlaylistLoss>`
    select p.id, p.name, count(*) as entries from playlist_songs ps join playlists p on p.id = ps.playlist_id
    where p.owner_id = ${ownerId} and ps.song_id in ${integerList(db, songIds)}
    group by p.id, p.name, p.name_key order by p.name_key`.execute(db);
  return rows;
}

export async function likeLosses(db: Db, userId: number, songIds: readonly number[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from likes where user_id = ${userId} and song_id in ${integerList(db, songIds)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** What everyone but `userId` would lose, in counts only (their playlists are theirs to see). */
export async function othersLosses(db: Db, userId: number, songIds: readonly number[]): Promise<OthersLoss> {
  const { rows } = await sql<OthersLoss>`
    with places as (
      select p.owner_id, p.id from playlist_songs ps join playlists p on p.id = ps.playlist_id
      where p.owner_id != ${userId} and ps.song_id in ${integerList(db, songIds)}),
    lost_likes as (select user_id from likes where user_id != ${userId} and song_id in ${integerList(db, songIds)})
    select
      (select count(*) from (select owner_id as u from places union select user_id from lost_likes) everyone) as users,
      (select count(distinct id) from places) as playlists,
      (select count(*) from places) as entries,
      (select count(*) from lost_likes) as likes`.execute(db);
  return rows[0] ?? { users: 0, playlists: 0, entries: 0, likes: 0 };
}

/** Deletes those of `songIds` that are still missing (a file that came back meanwhile stays); returns how many. */
export async function deleteMissingSongs(db: Db, songIds: readonly number[]): Promise<number> {
  let deleted = 0;
  // Chunks keep the JSON parameter small; playlist places close up through the delete trigger.
  for (let i = 0; i < songIds.length; i += 5000) {
    const chunk = songIds.slice(i, i + 5000);
    const result = await db
      .deleteFrom('songs')
      .where('missing_since', 'is not', null)
      .where('id', 'in', sql<number>`${integerList(db, chunk)}`)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
