import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.js';

describe('HTTP accounts: register, login, me, logout', () => {
  it('answers the seed requests exactly as written', async () => {
    const server = await startTestServer();
    const reg = await server.call('POST', '/api/register', { body: '{"username": "alice", "password": "secret123"}' });
    expect(reg.status).toBe(201);
    expect(await reg.json()).toEqual({ id: 1, username: 'alice', role: 'user' });

    const login = await server.call('POST', '/api/login', { body: '{"username": "alice", "password": "secret123"}' });
    expect(login.status).toBe(200);
    const session = (await login.json()) as { token: string; user: unknown };
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.user).toEqual({ id: 1, username: 'alice', role: 'user' });

    const me = await server.call('GET', '/api/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: 1, username: 'alice', role: 'user' });
  });

  it('never makes an account registered over HTTP admin; the first local one still becomes admin', async () => {
    const server = await startTestServer();
    await server.user('remote1');
    await server.user('remote2');
    const owner = await server.services.auth.register('owner', 'correct horse');
    expect(owner.user.role).toBe('admin');
    const later = await server.services.auth.register('later', 'correct horse');
    expect(later.user.role).toBe('user');
    const me = await server.call('GET', '/api/me', { token: owner.token });
    expect(await me.json()).toEqual({ id: 3, username: 'owner', role: 'admin' });
  });

  it('maps failures to statuses with a JSON error body', async () => {
    const server = await startTestServer();
    await server.user('alice');
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/api/register', { username: 'ALICE', password: 'correct horse' }, 409, 'conflict'],
      ['POST', '/api/register', { username: 'x', password: 'correct horse' }, 400, 'invalid_input'],
      ['POST', '/api/register', { username: 'carol', password: 'short' }, 400, 'invalid_input'],
      ['POST', '/api/register', { username: 'carol' }, 400, 'invalid_input'],
      ['POST', '/api/login', { username: 'alice', password: 'wrong horse' }, 401, 'auth_failed'],
      ['POST', '/api/login', { username: 'nobody', password: 'wrong horse' }, 401, 'auth_failed'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await server.call(method, path, { body });
      expect({ path, body, status: res.status }).toEqual({ path, body, status });
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(0);
    }
    const conflict = await server.call('POST', '/api/register', { body: { username: 'Alice', password: 'correct horse' } });
    expect(await conflict.json()).toEqual({ error: { code: 'conflict', message: 'username "Alice" is taken' } });
  });

  it('needs a valid bearer token for /api/me and ends the session on logout', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice');
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer not-a-real-token' }];
    for (const headers of attempts) {
      const res = await server.call('GET', '/api/me', { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_logged_in');
    }
    const out = await server.call('POST', '/api/logout', { token });
    expect(out.status).toBe(204);
    expect((await server.call('GET', '/api/me', { token })).status).toBe(401);
    expect((await server.call('POST', '/api/logout', { token })).status).toBe(401);
  });

  it('shares sessions with the CLI: one service layer, one sessions table', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice');
    expect(await server.services.auth.authenticate(token)).toMatchObject({ username: 'alice' });
    const count = await server.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // register answers without a token, so only the login made a session.
    expect(count.n).toBe(1);
  });

  it('logs one line per request, never the password or token', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice', 'unmistakable-secret-42');
    await server.call('GET', '/api/me', { token });
    await server.call('GET', '/nope');
    expect(server.logLines).toHaveLength(4);
    expect(server.logLines[0]).toMatch(/^\S+Z 127\.0\.0\.1 POST \/api\/register 201 \d+\.\dms$/);
    expect(server.logLines[2]).toMatch(/ GET \/api\/me 200 /);
    expect(server.logLines[3]).toMatch(/ GET \/nope 404 /);
    for (const line of server.logLines) {
      expect(line).not.toContain('unmistakable-secret-42');
      expect(line).not.toContain(token);
    }
  });
});
