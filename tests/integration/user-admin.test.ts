import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createUserAdminService } from '../../src/services/auth/user-admin.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLikeService } from '../../src/services/playlists/like-service.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import { errorOf } from '../helpers/error-of.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';

async function setup() {
  const store = await testDatabase();
  const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const users = createUserAdminService({ db: store.db, auth });
  const alice = await auth.register('alice', 'correct horse');
  return { store, clock, auth, users, alice };
}

describe('user admin service', () => {
  it('keeps last seen from the sessions: set at login, moved when a session is used, null when never', async () => {
    const { clock, auth, users, alice } = await setup();
    await users.add(alice.user, 'carol', 'correct horse');
    clock.advance(60_000);
    await auth.authenticate(alice.token);
    const listed = await users.list(alice.user);
    expect(listed.map((u) => [u.username, u.last_seen_at])).toEqual([
      ['alice', '2026-03-01T10:01:00.000Z'],
      ['carol', null],
    ]);
  });

  it('removes an account with its playlists, likes and plays, and says how many', async () => {
    const { store, clock, auth, users, alice } = await setup();
    const bob = await auth.register('bob', 'correct horse');
    const [song] = await seedSongs(store, [{ title: 'S' }]);
    const playlists = createPlaylistService({ db: store.db, clock });
    await playlists.create(bob.user.id, 'One');
    await playlists.create(bob.user.id, 'Two');
    await createLikeService({ db: store.db, clock }).like(bob.user.id, [song!.id]);
    await store.db.insertInto('plays').values({ user_id: bob.user.id, song_id: song!.id, started_at: clock.now().toISOString(), ms_played: 1000 }).execute();

    expect(await users.preview(alice.user, 'bob')).toMatchObject({ playlists: 2, likes: 1, plays: 1, sessions: 1 });
    expect(await users.remove(alice.user, 'BOB')).toMatchObject({ user: { username: 'bob' }, playlists: 2, likes: 1, plays: 1, sessions: 1 });
    expect(await store.db.selectFrom('playlists').select('id').where('owner_id', '=', bob.user.id).execute()).toEqual([]);
    for (const table of ['likes', 'plays', 'sessions'] as const) {
      expect(await store.db.selectFrom(table).select('id').where('user_id', '=', bob.user.id).execute()).toEqual([]);
    }
    expect(await errorOf(auth.authenticate(bob.token))).toBe('not_logged_in: not logged in');
  });

  it('reads the actor role again: an admin demoted meanwhile can no longer act', async () => {
    const { auth, users, alice } = await setup();
    const bob = await users.add(alice.user, 'bob', 'correct horse', { role: 'admin' });
    expect(bob.role).toBe('admin');
    // alice's in-memory User still says admin after bob demotes her.
    await users.setRole(bob, 'alice', 'user');
    expect(await errorOf(users.setRole(alice.user, 'bob', 'user'))).toBe('forbidden: only an admin can manage accounts');
    expect(await errorOf(users.list(alice.user))).toBe('forbidden: only an admin can manage accounts');
    expect(await errorOf(users.setRole(bob, 'bob', 'user'))).toBe('forbidden: bob is the last admin and cannot be demoted');
    const { user: demoted } = await auth.login('alice', 'correct horse');
    expect(demoted.role).toBe('user');
  });

  it('changePassword keeps the caller session and ends the others; replacePassword ends all', async () => {
    const { auth, users, alice } = await setup();
    const phone = await auth.login('alice', 'correct horse');
    expect(await errorOf(auth.changePassword(alice.token, 'wrong one!', 'new password 1'))).toBe('auth_failed: the current password is wrong');
    expect(await errorOf(auth.changePassword(alice.token, 'correct horse', 'short'))).toMatch(/^invalid_input: password must be/);
    expect(await auth.changePassword(alice.token, 'correct horse', 'new password 1')).toMatchObject({ endedSessions: 1 });
    await expect(auth.authenticate(alice.token)).resolves.toMatchObject({ username: 'alice' });
    expect(await errorOf(auth.authenticate(phone.token))).toBe('not_logged_in: not logged in');
    expect(await errorOf(auth.login('alice', 'correct horse'))).toBe('auth_failed: invalid username or password');

    await users.add(alice.user, 'bob', 'correct horse');
    const bob = await auth.login('bob', 'correct horse');
    expect(await users.resetPassword(alice.user, 'bob', 'reset password')).toMatchObject({ endedSessions: 1 });
    expect(await errorOf(auth.authenticate(bob.token))).toBe('not_logged_in: not logged in');
    expect(await errorOf(users.resetPassword(bob.user, 'alice', 'reset password'))).toBe('forbidden: only an admin can manage accounts');
  });
});
