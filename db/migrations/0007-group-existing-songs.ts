import { basename, dirname, relative, sep } from 'node:path';
import { sql, type Kysely } from 'kysely';

// Part of migration 0007, frozen with it: groups the songs a library already holds into albums and
// artists. The rules are a copy of src/services/library/album-identity.ts as it was when 0007 landed
// (migrations never import src/); the next scan re-reads every song (scan_version 0) and regroups with
// whatever the scanner's rules are by then.

const VARIOUS = 'Various Artists';
const VARIOUS_KEYS = new Set(['various artists', 'various artist', 'various', 'va', 'v.a.', 'v/a', 'v. a.']);
const UNKNOWN_ALBUM = 'Unknown Album';
const UNKNOWN_ARTIST = 'Unknown Artist';

const fold = (text: string) => (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
const key = (text: string) => fold(text.trim());
const natural = (text: string) => fold(text).replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(12, '0'));
const discNumber = (name: string) => {
  const match = /^(?:cd|dis[ck])\s*[-_.]?\s*(\d{1,3})(?:\D.*)?$/i.exec(name.trim());
  return match ? Number(match[1]) : undefined;
};
const albumFolderOf = (path: string) => {
  const folder = dirname(path);
  return discNumber(basename(folder)) !== undefined ? dirname(folder) : folder;
};

interface Row {
  id: number;
  path: string;
  artist: string;
  album: string;
  album_artist: string | null;
  disc_no: number | null;
}

interface Assigned extends Row {
  /** Album, artist or disc filled in from the folders. */
  renamed: boolean;
  album_folder: string;
  file_order: string;
  albumArtist: string;
}

export async function groupExistingSongs(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const roots = (await sql<{ path: string }>`select path from library_roots`.execute(db)).rows.map((r) => r.path);
  const rows = (await sql<Row>`select id, path, artist, album, album_artist, disc_no from songs order by path`.execute(db)).rows;
  if (rows.length === 0) return;

  const byFolder = new Map<string, Assigned[]>();
  for (const row of rows) {
    const album_folder = albumFolderOf(row.path);
    const song: Assigned = {
      ...row, renamed: false, album_folder, file_order: natural(relative(album_folder, row.path).split(sep).join('/')), albumArtist: '',
    };
    // Untagged files: their folder is the album, the folder above it the artist when inside a library folder.
    const root = roots.find((r) => row.path.startsWith(r.endsWith(sep) ? r : r + sep));
    if (song.album === UNKNOWN_ALBUM) song.album = basename(album_folder) || album_folder;
    const parent = dirname(album_folder);
    if (song.artist === UNKNOWN_ARTIST && root !== undefined && parent !== root && album_folder !== root && parent.startsWith(root)) {
      song.artist = basename(parent);
    }
    song.disc_no ??= discNumber(basename(dirname(row.path))) ?? null;
    song.renamed = song.album !== row.album || song.artist !== row.artist || song.disc_no !== row.disc_no;
    const folder = byFolder.get(album_folder) ?? [];
    folder.push(song);
    byFolder.set(album_folder, folder);
  }

  for (const songs of byFolder.values()) {
    const untagged = new Map<string, Set<string>>();
    for (const s of songs) if (s.album_artist === null) untagged.set(key(s.album), (untagged.get(key(s.album)) ?? new Set()).add(key(s.artist)));
    for (const s of songs) {
      if (s.album_artist !== null) s.albumArtist = VARIOUS_KEYS.has(key(s.album_artist)) ? VARIOUS : s.album_artist;
      else if (VARIOUS_KEYS.has(key(s.artist)) || (untagged.get(key(s.album))?.size ?? 0) > 1) s.albumArtist = VARIOUS;
      else s.albumArtist = s.artist;
    }
  }

  const artists = new Map<string, { id: number; name: string }>();
  const artistNames: string[] = [];
  const artistId = (name: string) => {
    const k = key(name);
    let artist = artists.get(k);
    if (!artist) {
      artists.set(k, (artist = { id: artists.size + 1, name: name.trim() || name }));
      artistNames.push(artist.name);
    }
    return artist.id;
  };
  const albums = new Map<string, { id: number; title: string; artist_id: number; compilation: number }>();
  const updates: unknown[] = [];
  const renamed: unknown[] = [];
  for (const songs of byFolder.values()) {
    for (const s of songs) {
      const aa = artistId(s.albumArtist);
      const albumKey = `${key(s.album)}\u0000${aa}`;
      let album = albums.get(albumKey);
      if (!album) albums.set(albumKey, (album = { id: albums.size + 1, title: s.album.trim() || s.album, artist_id: aa, compilation: s.albumArtist === VARIOUS ? 1 : 0 }));
      const albumArtistName = artistNames[aa - 1]!;
      if (s.renamed) renamed.push({ id: s.id, album: s.album, artist: s.artist, disc_no: s.disc_no });
      updates.push({
        id: s.id, album_id: album.id, artist_id: artistId(s.artist),
        album_artist_name: albumArtistName, album_folder: s.album_folder, file_order: s.file_order,
        album_order: `${natural(albumArtistName)}\u0001${natural(album.title)}\u0001${String(album.id).padStart(12, '0')}`,
      });
    }
  }

  for (const chunk of chunks([...artists.entries()].map(([k, a]) => ({ id: a.id, name: a.name, name_key: k })), 5000)) {
    await sql`insert into artists (id, name, name_key, created_at)
      select value ->> '$.id', value ->> '$.name', value ->> '$.name_key', ${now} from json_each(${JSON.stringify(chunk)})`.execute(db);
  }
  for (const chunk of chunks([...albums.entries()].map(([k, a]) => ({ ...a, title_key: k.split('\u0000')[0] })), 5000)) {
    await sql`insert into albums (id, title, title_key, artist_id, compilation, created_at)
      select value ->> '$.id', value ->> '$.title', value ->> '$.title_key', value ->> '$.artist_id', value ->> '$.compilation', ${now}
      from json_each(${JSON.stringify(chunk)})`.execute(db);
  }
  for (const chunk of chunks(updates, 5000)) {
    await sql`update songs set album_id = j.album_id, artist_id = j.artist_id,
        album_artist_name = j.album_artist_name, album_folder = j.album_folder, file_order = j.file_order, album_order = j.album_order
      from (select value ->> '$.id' as id, value ->> '$.album_id' as album_id, value ->> '$.artist_id' as artist_id, value ->> '$.album_artist_name' as album_artist_name,
              value ->> '$.album_folder' as album_folder, value ->> '$.file_order' as file_order, value ->> '$.album_order' as album_order
            from json_each(${JSON.stringify(chunk)})) as j
      where songs.id = j.id`.execute(db);
  }
  // Only the songs whose names came from their folders: every updated name is re-indexed for search.
  for (const chunk of chunks(renamed, 5000)) {
    await sql`update songs set album = j.album, artist = j.artist, disc_no = j.disc_no
      from (select value ->> '$.id' as id, value ->> '$.album' as album, value ->> '$.artist' as artist, value ->> '$.disc_no' as disc_no
            from json_each(${JSON.stringify(chunk)})) as j
      where songs.id = j.id`.execute(db);
  }
  await sql`update albums set (song_count, duration_ms, year, added_at) = (
      select count(*), coalesce(sum(duration_ms), 0), max(year), min(added_at) from songs s where s.album_id = albums.id and s.missing_since is null)`.execute(db);
  await sql`update artists set (album_count, song_count) = (
      select count(*) filter (where song_count > 0), coalesce(sum(song_count), 0) from albums a where a.artist_id = artists.id)`.execute(db);
  await sql`delete from albums_dirty`.execute(db);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
