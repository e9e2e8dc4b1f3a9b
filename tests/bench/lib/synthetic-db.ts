import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../src/db/open.js';
import { naturalKey } from '../../../src/services/library/album-identity.js';
import { groupAlbums, groupingContext } from '../../../src/services/library/group-albums.js';

/** A deterministic PRNG (mulberry32) so every run builds the same database. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'shi', 'el', 'an', 'dor', 'lu', 'se', 'ni', 'bra', 'qu',
  'zo', 'fe', 'gar', 'hol', 'is', 'jun', 'kle', 'mar', 'nos', 'ope', 'pri', 'sta', 'tri', 'und', 'vo', 'wy', 'xe'];
const REAL = ['love', 'night', 'heart', 'dream', 'fire', 'light', 'blue', 'time', 'world', 'song', 'baby', 'rain',
  'summer', 'river', 'moon', 'star', 'home', 'dance', 'gold', 'wild', 'beyoncé', 'sigur', 'rós', 'café', 'naïve'];

/** Words with a steep (Zipf-like) skew, so common words match tens of thousands of rows at 1M. */
export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>(REAL);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

export function skewedPick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(items.length * random() ** 3)]!;
}

/**
 * A catalogue of `tracks` synthetic songs (with the real schema, triggers and FTS index), cached
 * under `cache` keyed by size. Building 1M rows takes a few minutes once.
 */
export async function ensureSyntheticDb(cache: string, tracks: number, log: (m: string) => void): Promise<string> {
  const path = join(cache, `synthetic-${tracks}-v4.db`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  log(`building a synthetic ${tracks.toLocaleString('en')}-track database in ${path} (once; cached)`);
  const started = Date.now();
  const store = await openStore(building);
  const random = prng(42);
  const words = vocabulary(20_000, random);
  const phrase = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length: n }, () => skewedPick(words, random)).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  };
  const artists = Array.from({ length: Math.max(10, Math.floor(tracks / 20)) }, () => phrase(1, 3));
  const albums = Array.from({ length: Math.max(10, Math.floor(tracks / 10)) }, () => phrase(1, 4));
  const genres = ['Rock', 'Pop', 'Jazz', 'Hip-Hop', 'Electronic', 'Classical', 'Folk', 'Metal', 'Soul', 'Blues',
    'Country', 'Reggae', 'Punk', 'Ambient', 'House', 'Techno', 'Latin', 'R&B', 'Indie', 'Post-Rock'];
  const insert = store.sqlite.prepare(`insert into songs (path, title, artist, album, album_artist, genre, year,
    track_no, disc_no, duration_ms, codec, bitrate, sample_rate, size, mtime_ms, added_at, album_folder, file_order)
    values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'MPEG 1 Layer 3', 320000, 44100, 8000000, 0, ?, ?, ?)`);
  const batch = store.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const albumIndex = Math.floor(i / 10);
      const album = albums[albumIndex % albums.length]!;
      const artist = artists[Math.floor(albumIndex / 4) % artists.length]!;
      // Each album in its own folder, as a scan would find them.
      insert.run(`/synthetic/${albumIndex}/${i}.mp3`, phrase(1, 4), artist, album, random() < 0.2 ? 'Various Artists' : null,
        genres[Math.floor(random() * genres.length)], 1950 + Math.floor(random() * 75), (i % 10) + 1,
        120_000 + Math.floor(random() * 240_000), new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(),
        `/synthetic/${albumIndex}`, naturalKey(`${i}.mp3`));
    }
  });
  for (let from = 0; from < tracks; from += 50_000) {
    batch(from, Math.min(tracks, from + 50_000));
    if (from % 200_000 === 0) log(`  ${from.toLocaleString('en')} rows…`);
  }
  // Grouped into albums and artists as a scan groups them, a slice of album folders at a time.
  const albumWriter = store.songWriter().albums;
  const context = await groupingContext(albumWriter, new Date(0).toISOString());
  const folders = Math.ceil(tracks / 10);
  for (let from = 0; from < folders; from += 10_000) {
    const slice = Array.from({ length: Math.min(10_000, folders - from) }, (_, k) => `/synthetic/${from + k}`);
    await groupAlbums(albumWriter, slice, new Date(0).toISOString(), context, { ungrouped: false });
    if (from % 40_000 === 0) log(`  grouped ${(from * 10).toLocaleString('en')} songs…`);
  }
  store.sqlite.exec("insert into songs_fts (songs_fts) values ('optimize')");
  store.sqlite.exec('analyze');
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  log(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
  return path;
}
