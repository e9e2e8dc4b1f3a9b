import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Album, AlbumSort, Artist } from '../../domain/album.js';
import type { Song } from '../../domain/song.js';
import type { AlbumRow, ArtistRow, Database, SongRow } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { indexedBy, nullsFirst } from '../dialect/search-sql.js';
import { isStorableId } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

type AlbumWithArtist = AlbumRow & { artist_name: string };

/** The one place an albums row becomes a domain Album. */
export function albumRowToAlbum(row: AlbumWithArtist): Album {
  return {
    id: row.id,
    title: row.title,
    artist: row.artist_name,
    artist_id: row.artist_id,
    compilation: row.compilation === 1,
    year: row.year,
    song_count: row.song_count,
    duration_ms: row.duration_ms,
    added_at: row.added_at,
    has_cover: row.cover_id !== null,
  };
}

export function artistRowToArtist(row: ArtistRow): Artist {
  return { id: row.id, name: row.name, album_count: row.album_count, song_count: row.song_count };
}

/** Album artists with at least one album in the library, by name (case and accents folded). */
export async function listArtists(db: Db, limit: number, offset: number): Promise<Artist[]> {
  const rows = await db.selectFrom('artists').selectAll().where('album_count', '>', 0)
    .orderBy('name_key').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(artistRowToArtist);
}

export async function countArtists(db: Db): Promise<number> {
  const row = await db.selectFrom('artists').select((eb) => eb.fn.countAll<number>().as('n')).where('album_count', '>', 0).executeTakeFirst();
  return row?.n ?? 0;
}

export async function findArtist(db: Db, id: number): Promise<Artist | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await db.selectFrom('artists').selectAll().where('id', '=', id).executeTakeFirst();
  return row && artistRowToArtist(row);
}

export interface AlbumFilter {
  /** A folded artist name: albums by that album artist, or with tracks by that artist. */
  artistKey?: string | undefined;
}

function albumConditions(db: Db, filter: AlbumFilter): RawBuilder<unknown> {
  if (filter.artistKey === undefined) return sql`al.song_count > 0`;
  const artist = sql`(select id from artists where name_key = ${filter.artistKey})`;
  return sql`al.song_count > 0 and al.id in (
    select id from albums ${indexedBy(db, 'albums_by_artist')} where artist_id = ${artist}
    union all
    select s.album_id from songs s ${indexedBy(db, 'songs_by_artist_id')} where s.artist_id = ${artist} and s.missing_since is null)`;
}

// Each as one of migration 0007's indexes has it, so a page is an index walk.
const ALBUM_ORDER: Record<AlbumSort, RawBuilder<unknown>> = {
  name: sql`al.title_key, al.id`,
  // Oldest first, albums of no known year last.
  year: sql`al.year is null, al.year, al.title_key, al.id`,
  added: sql`al.added_at desc, al.id desc`,
};

const albumSelect = sql`select al.*, ar.name as artist_name from albums al join artists ar on ar.id = al.artist_id`;

export async function listAlbums(db: Db, filter: AlbumFilter, sort: AlbumSort, limit: number, offset: number): Promise<Album[]> {
  const { rows } = await sql<AlbumWithArtist>`${albumSelect} where ${albumConditions(db, filter)}
    order by ${ALBUM_ORDER[sort]} limit ${limit} offset ${offset}`.execute(db);
  return rows.map(albumRowToAlbum);
}

export async function countAlbums(db: Db, filter: AlbumFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from albums al where ${albumConditions(db, filter)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function findAlbum(db: Db, id: number): Promise<Album | undefined> {
  if (!isStorableId(id)) return undefined;
  const { rows } = await sql<AlbumWithArtist>`${albumSelect} where al.id = ${id}`.execute(db);
  return rows[0] && albumRowToAlbum(rows[0]);
}

/** Albums with this album artist (listed ones: with visible songs), oldest first. */
export async function albumsByArtist(db: Db, artistId: number): Promise<Album[]> {
  const { rows } = await sql<AlbumWithArtist>`${albumSelect} where al.artist_id = ${artistId} and al.song_count > 0
    order by ${ALBUM_ORDER.year}`.execute(db);
  return rows.map(albumRowToAlbum);
}

/** Albums by other album artists with visible tracks by this artist, oldest first. */
export async function albumsAppearedOn(db: Db, artistId: number): Promise<Album[]> {
  const { rows } = await sql<AlbumWithArtist>`${albumSelect} where al.artist_id != ${artistId} and al.song_count > 0
    and al.id in (select s.album_id from songs s ${indexedBy(db, 'songs_by_artist_id')} where s.missing_since is null and s.artist_id = ${artistId})
    order by ${ALBUM_ORDER.year}`.execute(db);
  return rows.map(albumRowToAlbum);
}

/** An album's visible songs in album order: disc, track, then file name; only `artistId`'s when given. */
export async function albumSongs(db: Db, albumId: number, artistId?: number): Promise<Song[]> {
  const byArtist = artistId === undefined ? sql`(1 = 1)` : sql`s.artist_id = ${artistId}`;
  const { rows } = await sql<SongRow>`select s.* from songs s ${indexedBy(db, 'songs_in_album')}
    where s.album_id = ${albumId} and s.missing_since is null and ${byArtist}
    order by s.disc_no${nullsFirst(db)}, s.track_no${nullsFirst(db)}, s.file_order${nullsFirst(db)}, s.id`.execute(db);
  return rows.map(songRowToSong);
}
