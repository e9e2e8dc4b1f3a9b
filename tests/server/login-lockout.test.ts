import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { requestFrom } from '../helpers/http-from.js';
import { startTestServer } from '../helpers/test-server.js';

const ATTACKER = '127.0.0.2';
const ALICE_AT_HOME = '127.0.0.3';

describe('nobody can lock anybody out (default limits)', () => {
  it('50 wrong passwords for alice from one address, then her right password from another logs in at once', async () => {
    // A clock that stands still: on a loaded box 50 logins (each a database write) may take longer
    // than the first one-second wait, which would let a later guess through as 401.
    const server = await startTestServer({ clock: fixedClock(new Date()) });
    await server.user('alice');
    const login = (from: string, username: string, password: string) =>
      requestFrom(server.url, from, { method: 'POST', path: '/api/login', body: { username, password } });

    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await login(ATTACKER, 'alice', `guess ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));

    const alice = await login(ALICE_AT_HOME, 'alice', 'correct horse');
    expect(alice.status).toBe(200);
    expect(JSON.parse(alice.body).user.username).toBe('alice');

    // The attacker's address stays slowed for alice, with a Retry-After, even with her password.
    const attacker = await login(ATTACKER, 'alice', 'correct horse');
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('slows an address spraying 45 usernames even though it logs into its own account in between', async () => {
    const server = await startTestServer();
    await server.user('mallory');
    const login = (username: string, password: string) =>
      requestFrom(server.url, ATTACKER, { method: 'POST', path: '/api/login', body: { username, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      statuses.push((await login(`victim${i}`, 'wrong horse')).status);
      if (i % 5 === 0) await login('mallory', 'correct horse');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
    // Another address is not affected.
    expect((await requestFrom(server.url, ALICE_AT_HOME, { method: 'POST', path: '/api/login', body: { username: 'mallory', password: 'correct horse' } })).status).toBe(200);
  });

  it('limits registrations per address: a few go through, then 429 with Retry-After; other addresses are unaffected', async () => {
    const server = await startTestServer();
    const register = (from: string, username: string) =>
      requestFrom(server.url, from, { method: 'POST', path: '/api/register', body: { username, password: 'correct horse' } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await register(ATTACKER, `bot${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const refused = await register(ATTACKER, 'bot99');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'rate_limited', message: 'too many new accounts from this address; try again later' } });
    // A taken or malformed name is refused before the limit is even consulted.
    expect((await register(ATTACKER, 'bot0')).status).toBe(409);
    expect((await register(ATTACKER, 'x')).status).toBe(400);
    expect((await register(ALICE_AT_HOME, 'alice')).status).toBe(201);
  });
});
