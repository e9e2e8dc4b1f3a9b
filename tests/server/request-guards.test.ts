import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import type { SlowDown } from '../../src/services/limits/attempt-counts.js';
import { startTestServer } from '../helpers/test-server.js';

/** `free` attempts, then one wait of `waitMs` (doubling after), forgotten after an hour. */
const slowDown = (free: number, waitMs: number): SlowDown => ({ free, firstDelayMs: waitMs, maxDelayMs: waitMs * 64, forgetAfterMs: 3_600_000 });

async function errorOf(res: Response): Promise<{ status: number; code: string }> {
  const body = (await res.json()) as { error: { code: string } };
  return { status: res.status, code: body.error.code };
}

describe('HTTP request guards', () => {
  it('refuses bodies over 64 KiB with 413, at the limit it parses them', async () => {
    const server = await startTestServer();
    const overhead = JSON.stringify({ username: 'alice', password: '' }).length;
    const justFits = JSON.stringify({ username: 'alice', password: 'x'.repeat(64 * 1024 - overhead) });
    expect(justFits.length).toBe(64 * 1024);
    // Parsed, then refused by the password rule (400), not by the size limit.
    expect(await errorOf(await server.call('POST', '/api/register', { body: justFits }))).toEqual({
      status: 400,
      code: 'invalid_input',
    });
    const tooBig = JSON.stringify({ username: 'alice', password: 'x'.repeat(64 * 1024) });
    expect(await errorOf(await server.call('POST', '/api/register', { body: tooBig }))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
  });

  it('answers malformed or empty JSON with 400', async () => {
    const server = await startTestServer();
    for (const body of ['{"username": "alice", ', 'not json', '[1,2', '']) {
      const res = await server.call('POST', '/api/login', { body, headers: { 'content-type': 'application/json' } });
      expect(await errorOf(res)).toEqual({ status: 400, code: 'invalid_input' });
    }
    for (const body of ['[]', '"alice"', '42', '{"username": ["alice"], "password": "x"}']) {
      const res = await server.call('POST', '/api/login', { body });
      expect(await errorOf(res)).toEqual({ status: 400, code: 'invalid_input' });
    }
  });

  it('takes JSON bodies only: other media types get 415', async () => {
    const server = await startTestServer();
    const body = 'username=alice&password=correct+horse';
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await server.call('POST', '/api/register', { body, headers: { 'content-type': type } });
      expect(await errorOf(res)).toEqual({ status: 415, code: 'unsupported_media_type' });
    }
    const charset = await server.call('POST', '/api/register', {
      body: { username: 'alice', password: 'correct horse' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(charset.status).toBe(201);
  });

  it('answers an unexpected fault with a generic 500 and logs the details', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice');
    await server.store.close();
    const res = await server.call('GET', '/api/me', { token });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal server error' } });
    expect(server.logLines.some((line) => line.startsWith('error GET /api/me: '))).toBe(true);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const server = await startTestServer();
    expect(await errorOf(await server.call('GET', '/api/nothing-here'))).toEqual({ status: 404, code: 'not_found' });
  });

  it('slows failed logins for a username from one address with 429 and Retry-After; success ends it', async () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const server = await startTestServer({
      clock,
      loginLimits: { perAccountAndAddress: slowDown(3, 60_000), perAddress: slowDown(10, 60_000) },
    });
    await server.user('alice');
    const login = (username: string, password: string) =>
      server.call('POST', '/api/login', { body: { username, password } });

    for (let i = 0; i < 2; i++) expect((await login('alice', 'wrong horse')).status).toBe(401);
    expect((await login('alice', 'correct horse')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login('alice', 'wrong horse')).status).toBe(401);

    const blocked = await login('Alice', 'correct horse');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(await blocked.json()).toEqual({
      error: { code: 'rate_limited', message: 'too many failed logins; try again later' },
    });
    clock.advance(30_000);
    expect((await login('alice', 'correct horse')).headers.get('retry-after')).toBe('30');
    clock.advance(30_000);
    expect((await login('alice', 'correct horse')).status).toBe(200);
  });

  it('lets no more guesses through than the limit when they arrive all at once', async () => {
    const server = await startTestServer({
      loginLimits: { perAccountAndAddress: slowDown(3, 60_000), perAddress: slowDown(100, 60_000) },
    });
    await server.user('alice');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.call('POST', '/api/login', { body: { username: 'alice', password: `guess number ${i}` } }),
      ),
    );
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });

  it('slows failed logins per client address across usernames, even after it logs into its own account', async () => {
    const server = await startTestServer({
      loginLimits: { perAccountAndAddress: slowDown(100, 60_000), perAddress: slowDown(4, 60_000) },
    });
    await server.user('mallory');
    for (let i = 0; i < 3; i++) {
      expect((await server.call('POST', '/api/login', { body: { username: `guess${i}`, password: 'nope nope' } })).status).toBe(401);
    }
    // Logging into an account of one's own does not wipe the address's failures.
    expect((await server.call('POST', '/api/login', { body: { username: 'mallory', password: 'correct horse' } })).status).toBe(200);
    expect((await server.call('POST', '/api/login', { body: { username: 'guess9', password: 'nope nope' } })).status).toBe(401);
    const res = await server.call('POST', '/api/login', { body: { username: 'mallory', password: 'correct horse' } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
