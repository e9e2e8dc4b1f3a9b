import type { NewSongRow } from '../../src/db/schema.js';
import type { Song } from '../../src/domain/song.js';
import { registerUser } from './run-cli.js';
import { seedSongs } from './seed-songs.js';
import { tempDir } from './temp-dir.js';
import { openHomeDatabase } from './test-store.js';

/** A TUNES_HOME with the given users registered (the last one stays logged in) and songs in its catalogue. */
export async function cliLibrary(users: string[], songs: Array<Partial<NewSongRow>>): Promise<{ home: string; songs: Song[] }> {
  const home = tempDir();
  for (const user of users) await registerUser(home, user);
  const store = await openHomeDatabase(home);
  try {
    return { home, songs: await seedSongs(store, songs) };
  } finally {
    await store.close();
  }
}
