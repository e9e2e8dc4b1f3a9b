import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Album } from '../../domain/album.js';
import type { GenreCount } from '../../domain/play-queue.js';
import type { Database } from '../schema.js';
import { albumRowToAlbum } from './albums.js';
import { caseless } from '../dialect/caseless.js';
import { bytewise, caselessMatch } from '../dialect/sql-fragments.js';

type Db = Kysely<Database> | Transaction<Database>;
type AlbumWithArtist = Parameters<typeof albumRowToAlbum>[0];

/** Album lists Subsonic clients ask for (getAlbumList2) beyond the browse service's name/year/added. */
export type AlbumListKind =
  | { kind: 'random' }
  | { kind: 'by_artist' }
  | { kind: 'by_year'; from: number; to: number }
  | { kind: 'by_genre'; genre: string }
  | { kind: 'recent'; userId: number }
  | { kind: 'frequent'; userId: number }
  | { kind: 'starred'; userId: number };

const albumSelect = sql`select al.*, ar.name as artist_name from albums al join artists ar on ar.id = al.artist_id`;

function listQuery(db: Db, list: AlbumListKind, limit: number, offset: number): RawBuilder<AlbumWithArtist> {
  const page = sql`limit ${limit} offset ${offset}`;
  switch (list.kind) {
    case 'random':
      return sql`${albumSelect} where al.song_count > 0 order by random() ${page}`;
    case 'by_artist':
      return sql`${albumSelect} where al.song_count > 0 order by ar.name_key, al.year is null, al.year, al.title_key, al.id ${page}`;
    case 'by_year': {
      // A range given backwards (fromYear > toYear) lists newest first, as Subsonic says.
      const [low, high] = list.from <= list.to ? [list.from, list.to] : [list.to, list.from];
      const direction = list.from <= list.to ? sql`asc` : sql`desc`;
      return sql`${albumSelect} where al.song_count > 0 and al.year between ${low} and ${high}
        order by al.year ${direction}, al.title_key, al.id ${page}`;
    }
    case 'by_genre':
      return sql`${albumSelect} where al.song_count > 0 and al.id in (
          select album_id from songs where missing_since is null and ${caselessMatch(db, sql.ref('genre'), list.genre)})
        order by al.title_key, al.id ${page}`;
    case 'recent':
      return sql`${albumSelect} join (
          select s.album_id, max(p.started_at) as last_played from plays p join songs s on s.id = p.song_id
          where p.user_id = ${list.userId} group by s.album_id) recent on recent.album_id = al.id
        where al.song_count > 0 order by recent.last_played desc, al.id ${page}`;
    case 'frequent':
      return sql`${albumSelect} join (
          select s.album_id, count(*) as plays from plays p join songs s on s.id = p.song_id
          where p.user_id = ${list.userId} group by s.album_id) frequent on frequent.album_id = al.id
        where al.song_count > 0 order by frequent.plays desc, al.title_key, al.id ${page}`;
    case 'starred':
      return sql`${albumSelect} join album_stars st on st.album_id = al.id and st.user_id = ${list.userId}
        where al.song_count > 0 order by st.starred_at desc, al.id desc ${page}`;
  }
}

export async function listAlbumsBy(db: Db, list: AlbumListKind, limit: number, offset: number): Promise<Album[]> {
  if (list.kind === 'random') return randomAlbums(db, limit);
  const { rows } = await listQuery(db, list, limit, offset).execute(db);
  return rows.map(albumRowToAlbum);
}

/**
 * Up to `size` listed albums at random: random ids probed by primary key (a few index lookups)
 * rather than `order by random()`, which sorts every album (100k at 1M songs) on each call. Falls
 * back to sorting when the ids are too sparse to hit.
 */
async function randomAlbums(db: Db, size: number): Promise<Album[]> {
  const { rows: bounds } = await sql<{ low: number | null; high: number | null }>`select min(id) as low, max(id) as high from albums`.execute(db);
  const low = Number(bounds[0]?.low ?? 0);
  const high = Number(bounds[0]?.high ?? 0);
  const picked = new Map<number, Album>();
  for (let round = 0; high > 0 && round < 8 && picked.size < size; round++) {
    const probes = Array.from({ length: (size - picked.size) * 3 }, () => low + Math.floor(Math.random() * (high - low + 1)));
    const { rows } = await sql<AlbumWithArtist>`${albumSelect} where al.song_count > 0 and al.id in (${sql.join(probes)})`.execute(db);
    for (const row of rows) if (picked.size < size) picked.set(row.id, albumRowToAlbum(row));
  }
  if (picked.size < size) {
    const { rows } = await listQuery(db, { kind: 'random' }, size, 0).execute(db);
    for (const row of rows) if (picked.size < size) picked.set(row.id, albumRowToAlbum(row));
  }
  return [...picked.values()];
}

/** Genres of visible songs, by name. */
export async function listGenres(db: Db): Promise<GenreCount[]> {
  const { rows } = await sql<GenreCount>`select genre as name, count(*) as song_count, count(distinct album_id) as album_count
    from songs where missing_since is null and genre is not null and genre != ''
    group by genre order by ${caseless(db, sql.ref('genre'))}, ${bytewise(db, sql.ref('genre'))}`.execute(db);
  return rows;
}
