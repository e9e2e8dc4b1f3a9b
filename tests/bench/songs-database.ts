import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/db/open.js';

/** Made-up words titles and names are built from; every one prefix-matches about 1/VOCABULARY of songs per slot. */
const VOCABULARY = Array.from({ length: 2000 }, (_, i) => wordFor(i));

/** A word of middling frequency (in roughly 0.15% of titles, artists or albums) for search figures. */
export const SEARCH_WORD = VOCABULARY[1234]!;

/**
 * A database of `count` catalogue rows (no audio files), built once through the real migrations, so
 * the search index triggers fill FTS exactly as a scan would; cached by size under `cache`.
 */
export async function ensureSongsDatabase(cache: string, count: number, log: (m: string) => void): Promise<string> {
  const path = join(cache, `server-songs-${count}-v1.db`);
  if (existsSync(path)) return path;
  mkdirSync(cache, { recursive: true });
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  log(`generating a ${count.toLocaleString('en')}-song database in ${path} (once; cached)`);
  const store = await openStore(building);
  const insert = store.sqlite.prepare(
    `insert into songs (path, title, artist, album, album_artist, genre, year, track_no, disc_no, duration_ms,
       codec, bitrate, sample_rate, size, mtime_ms, added_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'mp3', 320000, 44100, 5000000, 0, '2026-01-01T00:00:00.000Z')`,
  );
  const batch = store.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const artist = `${pick(i, 7)} ${pick(i, 11)}`;
      const album = `${pick(i, 13)} ${pick(i, 17)} ${Math.floor(i / 12)}`;
      insert.run(
        `/bench/${i}.mp3`,
        `${pick(i, 3)} ${pick(i, 5)} ${i}`,
        artist,
        album,
        artist,
        ['Rock', 'Pop', 'Jazz', 'Folk', 'Electronic', 'Classical'][i % 6],
        1960 + (i % 60),
        (i % 12) + 1,
        180_000 + (i % 120) * 1000,
      );
    }
  });
  const step = 20_000;
  for (let from = 0; from < count; from += step) {
    batch(from, Math.min(count, from + step));
    if ((from / step) % 10 === 0) log(`  ${from.toLocaleString('en')} songs`);
  }
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(building, path);
  return path;
}

function pick(i: number, salt: number): string {
  // A cheap deterministic scatter so neighbouring rows do not share words.
  return VOCABULARY[(Math.imul(i + salt * 7919, 2654435761) >>> 0) % VOCABULARY.length]!;
}

function wordFor(i: number): string {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  let n = i + 7;
  for (let k = 0; k < 3; k += 1) {
    word += consonants[n % consonants.length]! + vowels[Math.floor(n / consonants.length) % vowels.length]!;
    n = Math.floor(n / (consonants.length * vowels.length)) + k * 3;
  }
  return word;
}
