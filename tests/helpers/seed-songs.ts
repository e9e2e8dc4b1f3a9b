import type { Store } from '../../src/db/open.js';
import { songRowToSong } from '../../src/db/repositories/song-row.js';
import type { NewSongRow } from '../../src/db/schema.js';
import type { Song } from '../../src/domain/song.js';

let counter = 0;

/**
 * Inserts catalogue rows directly, for tests of features that sit on top of the library
 * (playlists, likes, playback) and need songs without scanning audio files.
 */
export async function seedSongs(store: Store, songs: Array<Partial<NewSongRow>>): Promise<Song[]> {
  const rows: Song[] = [];
  for (const song of songs) {
    counter += 1;
    const row = await store.db
      .insertInto('songs')
      .values({
        path: `/music/seed-${process.pid}-${counter}.mp3`,
        title: `Song ${counter}`,
        artist: 'Seed Artist',
        album: 'Seed Album',
        size: 1000,
        mtime_ms: 0,
        duration_ms: 180_000,
        added_at: new Date(0).toISOString(),
        ...song,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    rows.push(songRowToSong(row));
  }
  return rows;
}
