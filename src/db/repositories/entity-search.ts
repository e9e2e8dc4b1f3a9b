import { sql, type Kysely, type Transaction } from 'kysely';
import type { Album, Artist } from '../../domain/album.js';
import type { Database } from '../schema.js';
import { albumRowToAlbum, artistRowToArtist } from './albums.js';
import { matchingIdsIn, type SearchColumn } from '../dialect/search-sql.js';

const ALBUM_COLUMNS: readonly SearchColumn[] = ['album', 'album_artist'];
const ARTIST_COLUMNS: readonly SearchColumn[] = ['artist', 'album_artist'];
/** The same with each song's words joined across marks (AC/DC as acdc): the caller keeps those whose own name matches. */
const JOINED: readonly SearchColumn[] = ['joined'];

type Db = Kysely<Database> | Transaction<Database>;

/**
 * FTS matches looked at for albums or artists (their ids come from the songs index, deduplicated):
 * enough for the page asked for, as the catalogue's ranked search bounds its candidates. Reading
 * 5,000 matches of a common word costs ~30 ms at 1M songs; 500 cost ~3 ms.
 */
const MATCHES_PER_RESULT = 25;
const MIN_MATCHES = 500;
const MAX_MATCHES = 20_000;

function scannedMatches(limit: number, offset: number): number {
  return Math.min(MAX_MATCHES, Math.max(MIN_MATCHES, (limit + offset) * MATCHES_PER_RESULT));
}

/**
 * Albums whose title or album artist match `match` (an FTS5 expression from toMatchExpression), in
 * the order their first matching song was indexed. The songs' full-text index holds album and album
 * artist columns already, so this is an index lookup, not a scan of the albums table. Matches are
 * read in rowid order, so the albums found in the first N are exactly the first albums overall; when
 * those do not fill the page (a few big albums), more matches are read, up to MAX_MATCHES.
 */
export async function searchAlbums(db: Db, match: string, limit: number, offset: number): Promise<Album[]> {
  for (let scanned = scannedMatches(limit, offset); ; scanned = Math.min(MAX_MATCHES, scanned * 4)) {
    const albums = await albumsOfMatches(db, match, ALBUM_COLUMNS, scanned, sql`limit ${limit} offset ${offset}`);
    if (albums.length === limit || scanned === MAX_MATCHES || (await allMatchesRead(db, match, ALBUM_COLUMNS, scanned))) return albums;
  }
}

/** Albums of the first `scanned` songs matching `match` in `columns`, in the order of their first matching song. */
async function albumsOfMatches(db: Db, match: string, columns: readonly SearchColumn[], scanned: number, page = sql``): Promise<Album[]> {
  const { rows } = await sql<Parameters<typeof albumRowToAlbum>[0]>`
    select al.*, ar.name as artist_name from albums al join artists ar on ar.id = al.artist_id
    join (select s.album_id, min(m.rowid) as first_match from
            (${matchingIdsIn(db, match, columns, scanned)}) m
          join songs s on s.id = m.rowid where s.album_id is not null group by s.album_id) hit on hit.album_id = al.id
    where al.song_count > 0
    order by hit.first_match ${page}`.execute(db);
  return rows.map(albumRowToAlbum);
}

/** Whether the index holds no more than `scanned` matches (reading more would find nothing new). */
async function allMatchesRead(db: Db, match: string, columns: readonly SearchColumn[], scanned: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (${matchingIdsIn(db, match, columns, scanned + 1)}) m`.execute(db);
  return (rows[0]?.n ?? 0) <= scanned;
}

/**
 * Artists of the songs matching `match` in their artist or album-artist text, in the order of their
 * first matching song, among the first `scanned` matches: both each song's track artist and its
 * album's artist, so the caller keeps those whose own name matches (and asks again with a larger
 * `scanned` while `complete` is false and its page is not full). One FTS query over both columns
 * stays cheap for any word; a filter on the album-artist column alone reads a common word's whole
 * index list when few match (~11 ms).
 */
export async function artistCandidates(db: Db, match: string, scanned: number, joined = false): Promise<{ artists: Artist[]; complete: boolean }> {
  const columns = joined ? [...ARTIST_COLUMNS, ...JOINED] : ARTIST_COLUMNS;
  const { rows } = await sql<Parameters<typeof artistRowToArtist>[0] & { first_match: number }>`
    with hits as materialized (
      select s.artist_id as track_artist, al.artist_id as album_artist, m.rowid as first_match
      from (${matchingIdsIn(db, match, columns, scanned)}) m
      join songs s on s.id = m.rowid left join albums al on al.id = s.album_id)
    select ar.*, hit.first_match from (
      select artist_id, min(first_match) as first_match from (
        select track_artist as artist_id, first_match from hits
        union all
        select album_artist, first_match from hits
      ) both_artists where artist_id is not null group by artist_id
    ) hit join artists ar on ar.id = hit.artist_id
    order by hit.first_match`.execute(db);
  const artists = rows.map(({ first_match: _first, ...row }) => artistRowToArtist(row));
  return { artists, complete: scanned >= MAX_MATCHES || (await allMatchesRead(db, match, columns, scanned)) };
}

/**
 * Albums of the songs whose album, album artist or joined words (AC/DC as acdc) match `match`, in
 * the order of their first matching song, among the first `scanned` matches: the caller keeps those
 * whose own title or artist matches (a joined match may be a song title's), as with artistCandidates.
 */
export async function joinedAlbumCandidates(db: Db, match: string, scanned: number): Promise<{ albums: Album[]; complete: boolean }> {
  const columns = [...ALBUM_COLUMNS, ...JOINED];
  const albums = await albumsOfMatches(db, match, columns, scanned);
  return { albums, complete: scanned >= MAX_MATCHES || (await allMatchesRead(db, match, columns, scanned)) };
}

/** How many matches a first look at a page of artists reads (see artistCandidates). */
export function firstArtistScan(limit: number, offset: number): number {
  return scannedMatches(limit, offset);
}

/** The next, larger look (at most MAX_MATCHES). */
export function widerArtistScan(scanned: number): number {
  return Math.min(MAX_MATCHES, scanned * 4);
}
