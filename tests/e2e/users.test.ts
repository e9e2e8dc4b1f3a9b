import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { openHomeDatabase } from '../helpers/test-store.js';
import { homeDatabaseLocation } from '../helpers/test-postgres.js';

const PASSWORD = 'correct horse';

/** Another machine (its own TUNES_HOME, so its own session) on the same database. */
function elsewhere(home: string) {
  const other = tempDir();
  return (args: string[], input?: string) =>
    runTunes(['--db', homeDatabaseLocation(home), ...args], { home: other, ...(input === undefined ? {} : { input }) });
}

describe('tunes users (admins manage accounts)', () => {
  it('lists, adds, changes roles and removes accounts, saying what went with them', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const added = await runTunes(['users', 'add', 'bob', '--password-stdin', '--json'], { home, input: 'bobs password\n' });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ id: 2, username: 'bob', role: 'user' });
    // Adding someone does not log the admin out.
    expect((await runTunes(['whoami'], { home })).stdout).toBe('alice (admin)\n');

    const bob = elsewhere(home);
    expect((await bob(['login', 'bob', '--password-stdin'], 'bobs password\n')).code).toBe(0);
    expect((await bob(['playlist', 'create', 'Mine'])).code).toBe(0);
    expect((await bob(['playlist', 'create', 'Also mine'])).code).toBe(0);

    const listed = JSON.parse((await runTunes(['users', '--json'], { home })).stdout) as Array<Record<string, unknown>>;
    expect(listed.map((u) => [u.username, u.role])).toEqual([['alice', 'admin'], ['bob', 'user']]);
    expect(listed[0]).toEqual({ id: 1, username: 'alice', role: 'admin', created_at: expect.any(String), last_seen_at: expect.any(String) });
    const table = (await runTunes(['users'], { home })).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME +ROLE +CREATED +LAST SEEN$/);
    expect(table[2]).toMatch(/^bob +user +\d{4}-\d\d-\d\d \d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d$/);

    // A user cannot manage accounts.
    const refused = await bob(['users']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe('tunes: only an admin can manage accounts\n');

    expect((await runTunes(['users', 'role', 'bob', 'admin'], { home })).stdout).toBe('bob is now an admin\n');
    expect((await runTunes(['users', 'role', 'BOB', 'admin'], { home })).stdout).toBe('bob was already an admin\n');
    expect((await runTunes(['users', 'role', 'bob', 'user'], { home })).stdout).toBe('bob is now a user\n');
    expect((await runTunes(['users', 'role', 'bob', 'owner'], { home })).code).toBe(2);
    expect((await runTunes(['users', 'role', 'nobody', 'user'], { home })).code).toBe(4);

    // Without a terminal to ask on, removing needs --yes (and nothing is removed).
    const unasked = await runTunes(['users', 'remove', 'bob'], { home });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('--yes');
    const removed = await runTunes(['users', 'remove', 'bob', '--yes'], { home });
    expect(removed.stdout).toBe('Removed bob with 2 playlists, 0 likes, 0 plays of history and 1 session\n');
    // bob's session went with the account.
    expect((await bob(['whoami'])).code).toBe(3);
    const json = await runTunes(['users', 'remove', 'bob', '--yes', '--json'], { home });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'not_found', message: 'no user "bob"' } });
  });

  it('keeps the last admin: it cannot be demoted or removed, nor remove itself', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const demote = await runTunes(['users', 'role', 'alice', 'user'], { home });
    expect(demote.code).toBe(3);
    expect(demote.stderr).toBe('tunes: alice is the last admin and cannot be demoted\nhint: make another account admin first\n');
    const self = await runTunes(['users', 'remove', 'alice', '--yes'], { home });
    expect(self.code).toBe(3);
    expect(self.stderr).toContain('you cannot remove your own account');
    expect((await runTunes(['whoami'], { home })).stdout).toBe('alice (admin)\n');
  });

  it('two admins demoting each other at the same moment leave one admin, never none', async () => {
    for (let round = 0; round < 2; round += 1) {
      const home = tempDir();
      await registerUser(home, 'alice');
      expect((await runTunes(['users', 'add', 'bob', '--admin', '--password-stdin'], { home, input: `${PASSWORD}\n` })).code).toBe(0);
      const bob = elsewhere(home);
      expect((await bob(['login', 'bob', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);

      const [a, b] = await Promise.all([runTunes(['users', 'role', 'bob', 'user'], { home }), bob(['users', 'role', 'alice', 'user'])]);
      expect([a.code, b.code].sort()).toEqual([0, 3]);
      const store = await openHomeDatabase(home);
      const admins = await store.db.selectFrom('users').select('username').where('role', '=', 'admin').execute();
      await store.close();
      expect(admins).toHaveLength(1);
    }
  });
});

describe('tunes passwd and logout --all', () => {
  it('passwd asks for the current password and ends every other session of that user', async () => {
    const home = tempDir();
    await registerUser(home, 'alice', PASSWORD);
    const laptop = elsewhere(home);
    expect((await laptop(['login', 'alice', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);

    const wrong = await runTunes(['passwd', '--password-stdin'], { home, input: 'not it at all\nnew password 42\n' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toBe('tunes: the current password is wrong\n');
    const short = await runTunes(['passwd', '--password-stdin'], { home, input: `${PASSWORD}\nshort\n` });
    expect(short.code).toBe(2);
    const missing = await runTunes(['passwd', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(missing).toMatchObject({ code: 2, stderr: 'tunes: no new password on line 2 of standard input\n' });
    expect((await laptop(['whoami'])).code).toBe(0);

    const changed = await runTunes(['passwd', '--password-stdin'], { home, input: `${PASSWORD}\nnew password 42\n` });
    expect(changed).toMatchObject({ code: 0, stdout: 'Password changed for alice (1 other session ended)\n' });
    expect(changed.stdout + changed.stderr).not.toContain('new password 42');
    // This machine stays logged in; the other one is out and the old password no longer works.
    expect((await runTunes(['whoami'], { home })).stdout).toBe('alice (admin)\n');
    expect((await laptop(['whoami'])).code).toBe(3);
    expect((await laptop(['login', 'alice', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(3);
    expect((await laptop(['login', 'alice', '--password-stdin'], 'new password 42\n')).code).toBe(0);
  });

  it("an admin sets another user's password, ending all of that user's sessions", async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const bob = elsewhere(home);
    await registerUserElsewhere(bob, 'bob');
    const reset = await runTunes(['passwd', 'bob', '--password-stdin', '--json'], { home, input: 'fresh password\n' });
    expect(JSON.parse(reset.stdout)).toEqual({ username: 'bob', ended_sessions: 1 });
    expect((await bob(['whoami'])).code).toBe(3);
    expect((await bob(['login', 'bob', '--password-stdin'], 'fresh password\n')).code).toBe(0);
    // bob is no admin: he cannot set alice's.
    expect((await bob(['passwd', 'alice', '--password-stdin'], 'hijacked password\n')).code).toBe(3);
  });

  it('logout --all ends every session of yours, here and elsewhere, and only yours', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const laptop = elsewhere(home);
    expect((await laptop(['login', 'alice', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
    const bob = elsewhere(home);
    await registerUserElsewhere(bob, 'bob');

    const out = await runTunes(['logout', '--all'], { home });
    expect(out).toMatchObject({ code: 0, stdout: 'Logged out alice everywhere (2 sessions ended)\n' });
    expect((await runTunes(['whoami'], { home })).code).toBe(3);
    expect((await laptop(['whoami'])).code).toBe(3);
    expect((await bob(['whoami'])).stdout).toBe('bob (user)\n');
    expect((await runTunes(['logout', '--all'], { home })).code).toBe(3);
  });
});

describe('register and login while logged in', () => {
  it('say whose session they end instead of switching silently', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const bob = await runTunes(['register', 'bob', '--password-stdin'], { home, input: 'bobs password\n' });
    expect(bob.stdout).toBe('Registered bob\nLogged out alice; now logged in as bob\n');
    expect(bob.stderr).toBe('hint: to add an account without logging out, run: tunes users add bob\n');
    const back = await runTunes(['login', 'alice', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(back.stdout).toBe('Logged in as alice (logged out bob)\n');
    const again = await runTunes(['login', 'alice', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(again.stdout).toBe('Logged in as alice\n');
  });
});

async function registerUserElsewhere(run: ReturnType<typeof elsewhere>, username: string): Promise<void> {
  const result = await run(['register', username, '--password-stdin'], `${PASSWORD}\n`);
  if (result.code !== 0) throw new Error(`register ${username}: ${result.stderr}`);
}
