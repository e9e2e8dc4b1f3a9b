import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLikeService } from '../../src/services/playlists/like-service.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import { FAST_SCRYPT, testStore } from './test-store.js';

/** A real database with two users (alice, bob) and the playlist and like services over it. */
export async function playlistSetup() {
  const store = await testStore();
  const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const alice = (await auth.register('alice', 'correct horse')).user;
  const bob = (await auth.register('bob', 'battery staple')).user;
  const playlists = createPlaylistService({ db: store.db, clock });
  const likes = createLikeService({ db: store.db, clock });
  return { store, clock, alice, bob, playlists, likes };
}

export { errorOf } from './error-of.js';
