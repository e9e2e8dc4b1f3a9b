import { sql, type Kysely, type Transaction } from 'kysely';
import type { Album, Artist } from '../../domain/album.js';
import type { Database } from '../schema.js';
import { albumRowToAlbum, artistRowToArtist } from './albums.js';

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
 * artist columns already, so this is an index lookup, not a scan of the albums table.
 */
export async function searchAlbums(db: Db, match: string, limit: number, offset: number): Promise<Album[]> {
  const columnMatch = `{album album_artist} : (${match})`;
  const scanned = scannedMatches(limit, offset);
  const { rows } = await sql<Parameters<typeof albumRowToAlbum>[0]>`
    select al.*, ar.name as artist_name from albums al join artists ar on ar.id = al.artist_id
    join (select s.album_id, min(m.rowid) as first_match from
            (select rowid from songs_fts where songs_fts match ${columnMatch} order by rowid limit ${scanned}) m
          join songs s on s.id = m.rowid where s.album_id is not null group by s.album_id) hit on hit.album_id = al.id
    where al.song_count > 0
    order by hit.first_match limit ${limit} offset ${offset}`.execute(db);
  return rows.map(albumRowToAlbum);
}

/** Artists (track or album artists) whose name matches, in the order of their first matching song. */
export async function searchArtists(db: Db, match: string, limit: number, offset: number): Promise<Artist[]> {
  const scanned = scannedMatches(limit, offset);
  const trackArtist = `{artist} : (${match})`;
  const albumArtist = `{album_artist} : (${match})`;
  const { rows } = await sql<Parameters<typeof artistRowToArtist>[0] & { first_match: number }>`
    select ar.*, min(hit.first_match) as first_match from artists ar join (
      select s.artist_id, m.rowid as first_match
        from (select rowid from songs_fts where songs_fts match ${trackArtist} order by rowid limit ${scanned}) m
        join songs s on s.id = m.rowid
      union all
      select al.artist_id, m.rowid as first_match
        from (select rowid from songs_fts where songs_fts match ${albumArtist} order by rowid limit ${scanned}) m
        join songs s on s.id = m.rowid join albums al on al.id = s.album_id
    ) hit on hit.artist_id = ar.id
    group by ar.id order by first_match limit ${limit} offset ${offset}`.execute(db);
  return rows.map(({ first_match: _first, ...row }) => artistRowToArtist(row));
}
