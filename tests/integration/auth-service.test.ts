import { describe, expect, it } from 'vitest';
import { createAuthService, SESSION_LIFETIME_MS } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { errorOf as codeOf } from '../helpers/error-of.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';

async function setup() {
  const store = await testDatabase();
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  return { store, clock, auth };
}


describe('auth service', () => {
  it('registers the first user as admin and later ones as user', async () => {
    const { auth } = await setup();
    const alice = await auth.register('alice', 'correct horse');
    const bob = await auth.register('bob', 'battery staple');
    expect(alice.user).toMatchObject({ username: 'alice', role: 'admin' });
    expect(bob.user).toMatchObject({ username: 'bob', role: 'user' });
    expect(alice.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('treats usernames as unique regardless of case', async () => {
    const { auth } = await setup();
    await auth.register('alice', 'correct horse');
    expect(await codeOf(auth.register('ALICE', 'correct horse'))).toBe('conflict: username "ALICE" is taken');
    const { user } = await auth.login('AlIcE', 'correct horse');
    expect(user.username).toBe('alice');
  });

  it('enforces the username and password rules', async () => {
    const { auth } = await setup();
    for (const bad of ['ab', 'a'.repeat(33), 'has space', 'émile', 'semi;colon', '']) {
      expect(await codeOf(auth.register(bad, 'correct horse'))).toMatch(/^invalid_input: username must be 3-32/);
    }
    for (const ok of ['abc', 'a'.repeat(32), 'J.Doe-99_x']) {
      await expect(auth.register(ok, 'correct horse')).resolves.toBeTruthy();
    }
    expect(await codeOf(auth.register('shortpw', 'seven77'))).toMatch(/^invalid_input: password must be 8-1024/);
    expect(await codeOf(auth.register('longpw', 'x'.repeat(1025)))).toMatch(/^invalid_input: password must be/);
    await expect(auth.register('exactly', 'x'.repeat(1024))).resolves.toBeTruthy();
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const { auth } = await setup();
    await auth.register('alice', 'correct horse');
    expect(await codeOf(auth.login('alice', 'wrong horse'))).toBe('auth_failed: invalid username or password');
    expect(await codeOf(auth.login('nobody', 'wrong horse'))).toBe('auth_failed: invalid username or password');
  });

  it('stores a verifying hash, never the password, and only the token hash', async () => {
    const { auth, store } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    const row = await store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$scrypt\$ln=10,/);
    expect(row.password_hash).not.toContain('correct horse');
    const session = await store.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow();
    expect(session.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.token_hash).not.toContain(token);
    const { user } = await auth.login('alice', 'correct horse');
    expect(user.username).toBe('alice');
  });

  it('authenticates a token, renews it on use, and rejects it once expired', async () => {
    const { auth, clock } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    clock.advance(SESSION_LIFETIME_MS - 1000);
    expect((await auth.authenticate(token)).username).toBe('alice');
    // renewed: another 29 days later it still works
    clock.advance(29 * 24 * 3600 * 1000);
    expect((await auth.authenticate(token)).username).toBe('alice');
    clock.advance(SESSION_LIFETIME_MS);
    expect(await codeOf(auth.authenticate(token))).toBe('not_logged_in: not logged in');
  });

  it('rejects missing, unknown and revoked tokens', async () => {
    const { auth } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    expect(await codeOf(auth.authenticate(undefined))).toBe('not_logged_in: not logged in');
    expect(await codeOf(auth.authenticate('made-up'))).toBe('not_logged_in: not logged in');
    await auth.logout(token);
    expect(await codeOf(auth.authenticate(token))).toBe('not_logged_in: not logged in');
  });

  it('rehashes an old weaker hash on successful login', async () => {
    const store = await testDatabase();
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const weak = createAuthService({ db: store.db, clock, scryptParams: { logN: 9, r: 8, p: 1 } });
    await weak.register('alice', 'correct horse');
    const strong = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
    await strong.login('alice', 'correct horse');
    const row = await store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$scrypt\$ln=10,/);
    await expect(strong.login('alice', 'correct horse')).resolves.toBeTruthy();
  });
});
