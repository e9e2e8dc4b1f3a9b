import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ArtistRow {
  artist: string;
  album_count: number;
  song_count: number;
}

export interface AlbumRow {
  artist: string;
  album: string;
  year: number | null;
  song_count: number;
}

// Both walk the songs_catalog_order index (artist, album, ... where missing_since is null), so groups
// stream out in order and a page stops reading once it has its rows.

export async function listArtists(db: Db, limit: number, offset: number): Promise<ArtistRow[]> {
  const result = await sql<ArtistRow>`
    select min(artist) as artist, count(distinct album collate nocase) as album_count, count(*) as song_count
    from songs indexed by songs_catalog_order
    where missing_since is null
    group by artist collate nocase
    order by artist collate nocase
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export async function countArtists(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*) as n from (
      select 1 from songs indexed by songs_catalog_order where missing_since is null group by artist collate nocase)`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Albums by artist then title; `artist` narrows to one artist (case-insensitive). */
export async function listAlbums(db: Db, artist: string | undefined, limit: number, offset: number): Promise<AlbumRow[]> {
  const where = artist === undefined ? sql`1` : sql`artist = ${artist} collate nocase`;
  const result = await sql<AlbumRow>`
    select min(artist) as artist, min(album) as album, max(year) as year, count(*) as song_count
    from songs indexed by songs_catalog_order
    where missing_since is null and ${where}
    group by artist collate nocase, album collate nocase
    order by artist collate nocase, album collate nocase
    limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export async function countAlbums(db: Db, artist: string | undefined): Promise<number> {
  const where = artist === undefined ? sql`1` : sql`artist = ${artist} collate nocase`;
  const result = await sql<{ n: number }>`
    select count(*) as n from (
      select 1 from songs indexed by songs_catalog_order where missing_since is null and ${where}
      group by artist collate nocase, album collate nocase)`.execute(db);
  return result.rows[0]?.n ?? 0;
}
