import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLibraryRoot } from '../../src/db/repositories/library-roots.js';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from './cli-library.js';
import { tempDir } from './temp-dir.js';
import { openHomeDatabase } from './test-store.js';

/**
 * alice (logged in) and four real 40 s songs laid out as a music folder is (music/Artist/Album/),
 * the folder a library folder: what MPD clients browse. `tunes config set mpd-listen` is the test's.
 */
export async function mpdLibrary() {
  const music = join(tempDir(), 'music');
  // Tagged as seeded, so the player's full check of the library folder (its watch) reads the same songs back.
  const song = (folder: string, name: string, frequency: number, tags: { title: string; artist: string; album: string; track_no: number; year?: number; genre?: string }) => {
    mkdirSync(join(music, folder), { recursive: true });
    const metadata: Record<string, string> = { title: tags.title, artist: tags.artist, album: tags.album, track: String(tags.track_no) };
    if (tags.year) metadata['date'] = String(tags.year);
    if (tags.genre) metadata['genre'] = tags.genre;
    return { ...tags, duration_ms: 40_000, path: makeTone(join(music, folder), name, { seconds: 40, frequency, metadata }) };
  };
  const library = await cliLibrary(
    ['alice'],
    [
      song('Sunrise Band/Dawn', '01 Morning', 330, { title: 'Morning', artist: 'Sunrise Band', album: 'Dawn', track_no: 1, year: 2001 }),
      song('Sunrise Band/Dawn', '02 Noon', 440, { title: 'Noon', artist: 'Sunrise Band', album: 'Dawn', track_no: 2, year: 2001 }),
      song('Sunrise Band/Dawn', '03 Dusk', 495, { title: 'Dusk', artist: 'Sunrise Band', album: 'Dawn', track_no: 3, year: 2001 }),
      song('Owls/Night', '01 Midnight', 550, { title: 'Midnight', artist: 'Owls', album: 'Night', track_no: 1, genre: 'Jazz' }),
    ],
  );
  const store = await openHomeDatabase(library.home);
  try {
    await ensureLibraryRoot(store.db, music, new Date().toISOString());
  } finally {
    await store.close();
  }
  return { ...library, music };
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs Debian's mpc against `host` (a socket path, or 127.0.0.1 with `port`), as another user with `as`. */
export function mpc(host: string, args: string[], port?: number, as?: { uid: number; gid: number }): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile('mpc', ['-h', host, ...(port === undefined ? [] : ['-p', String(port)]), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...as }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The background player's log (what its bridges said), empty when there is none yet. */
export function playerLog(home: string): string {
  try {
    const name = readdirSync(home).find((file) => file.startsWith('player-') && file.endsWith('.log'));
    return name ? readFileSync(join(home, name), 'utf8') : '';
  } catch {
    return '';
  }
}
