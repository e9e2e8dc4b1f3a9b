import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLikeService } from '../../src/services/playlists/like-service.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import type { Store } from '../../src/db/open.js';
import { FAST_SCRYPT, testDatabase, testStore } from './test-store.js';

/** A real database (of the dialect under test) with two users (alice, bob) and the playlist and like services over it. */
export async function playlistSetup() {
  return playlistSetupOn(await testDatabase());
}

/** The same on an SQLite file, for tests of SQLite's locking between processes. */
export async function sqlitePlaylistSetup() {
  return playlistSetupOn(await testStore());
}

async function playlistSetupOn<S extends Store>(store: S) {
  const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const alice = (await auth.register('alice', 'correct horse')).user;
  const bob = (await auth.register('bob', 'battery staple')).user;
  const playlists = createPlaylistService({ db: store.db, clock });
  const likes = createLikeService({ db: store.db, clock });
  return { store, clock, alice, bob, playlists, likes };
}

export { errorOf } from './error-of.js';
