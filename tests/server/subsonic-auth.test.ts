import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE_PASSWORD, parseXml, subsonicServer } from '../helpers/subsonic-server.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

async function errorOf(response: Response): Promise<{ code: number; message: string } | undefined> {
  const body = (await response.json()) as { 'subsonic-response': { status: string; error?: { code: number; message: string } } };
  return body['subsonic-response'].error;
}

/** subsonic-api types a response as ok-only; a failed one carries `error`. */
function errorField(response: object): unknown {
  return (response as { error?: unknown }).error;
}

async function statusOf(response: Response): Promise<string> {
  return ((await response.json()) as { 'subsonic-response': { status: string } })['subsonic-response'].status;
}

describe('Subsonic authentication', () => {
  it('takes an app key as apiKey, as token auth and as p (clear and enc:), and the real password as p', async () => {
    const { byKey, byToken, client, aliceKey, rest } = await subsonicServer();
    expect((await byKey.ping()).status).toBe('ok');
    expect((await byToken.ping()).status).toBe('ok');
    expect((await client({ apiKey: aliceKey.key }, true).ping()).status).toBe('ok');
    expect((await client({ username: 'alice', password: aliceKey.key }, true).ping()).status).toBe('ok');
    for (const p of [aliceKey.key, `enc:${hex(aliceKey.key)}`, ALICE_PASSWORD, `enc:${hex(ALICE_PASSWORD)}`]) {
      const answer = await rest('getUser', { f: 'json', v: '1.16.1', c: 'test' }, { u: 'alice', p });
      const body = (await answer.json()) as { 'subsonic-response': { status: string; user: { username: string } } };
      expect(body['subsonic-response'].status).toBe('ok');
      expect(body['subsonic-response'].user.username).toBe('alice');
    }
  });

  it('answers Subsonic error codes: 10 missing, 40 wrong, 41 no key for tokens, 43 both, 44 bad key, 30 newer client', async () => {
    const { server, rest, aliceKey } = await subsonicServer();
    const salt = 'c19b2d';
    expect(await errorOf(await rest('ping', { f: 'json' }, {}))).toMatchObject({ code: 10 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', p: 'wrong password' }))).toMatchObject({ code: 40 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', t: md5(`nope${salt}`), s: salt }))).toMatchObject({ code: 40 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', t: md5(`x${salt}`) }))).toMatchObject({ code: 10 });
    // admin has no app key: token auth cannot work for them (their password is only a scrypt hash).
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'admin', t: md5(`password one${salt}`), s: salt }))).toMatchObject({ code: 41 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { apiKey: aliceKey.key, u: 'alice' }))).toMatchObject({ code: 43 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { apiKey: 'tunes_not-a-key' }))).toMatchObject({ code: 44 });
    expect(await errorOf(await rest('ping', { f: 'json', v: '1.99.0' }))).toMatchObject({ code: 30 });
    expect(await errorOf(await rest('ping', { f: 'json', v: '0.9.0' }))).toMatchObject({ code: 20 });
    // A key works only for its owner's name.
    const bob = (await server.services.auth.register('bob', 'bob password')).user;
    const bobKey = await server.services.appKeys.create(bob.id);
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', p: bobKey.key }))).toMatchObject({ code: 40 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', t: md5(`${bobKey.key}${salt}`), s: salt }))).toMatchObject({ code: 40 });
    // Secrets never reach the request log.
    const log = server.logLines.join('\n');
    expect(log).not.toContain(aliceKey.key);
    expect(log).not.toContain('wrong password');
    expect(log).toContain('apiKey=[redacted]');
  });

  it('a revoked key stops working at once, in every form', async () => {
    const { server, alice, aliceKey, byKey, byToken, rest } = await subsonicServer();
    expect((await byKey.ping()).status).toBe('ok');
    await server.services.appKeys.revoke(alice.id, 'phone');
    expect(errorField(await byKey.ping())).toMatchObject({ code: 44 });
    expect(errorField(await byToken.ping())).toMatchObject({ code: 41 });
    expect(await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', p: aliceKey.key }))).toMatchObject({ code: 40 });
  });

  it('keeps app keys sealed: the database holds a hash and ciphertext, the key file is 0600', async () => {
    const { server, aliceKey } = await subsonicServer();
    const rows = (await server.store.db.selectFrom('app_keys').selectAll().execute()) as Array<Record<string, unknown>>;
    expect(JSON.stringify(rows)).not.toContain(aliceKey.key.slice(6, 30));
    expect(Buffer.concat(rows.map((row) => row.key_sealed as Buffer)).includes(Buffer.from(aliceKey.key.slice(6)))).toBe(false);
    expect(statSync(join(server.home, 'server.key')).mode & 0o777).toBe(0o600);
  });

  it('checks a password with scrypt once, then remembers it; failures go through the login limiter', async () => {
    const { rest, server } = await subsonicServer({
      loginLimits: {
        perAccountAndAddress: { free: 2, firstDelayMs: 60_000, maxDelayMs: 60_000, forgetAfterMs: 60_000 },
        perAddress: { free: 100, firstDelayMs: 1000, maxDelayMs: 1000, forgetAfterMs: 60_000 },
      },
    });
    const good = { u: 'alice', p: ALICE_PASSWORD };
    expect(await statusOf(await rest('ping', { f: 'json' }, good))).toBe('ok');
    let checks = 0;
    const original = server.services.auth.checkPassword;
    server.services.auth.checkPassword = async (...args) => {
      checks++;
      return original(...args);
    };
    for (let i = 0; i < 3; i++) expect(await statusOf(await rest('ping', { f: 'json' }, good))).toBe('ok');
    expect(checks).toBe(0);
    await rest('ping', { f: 'json' }, { u: 'alice', p: 'guess one' });
    await rest('ping', { f: 'json' }, { u: 'alice', p: 'guess two' });
    const limited = await errorOf(await rest('ping', { f: 'json' }, { u: 'alice', p: 'guess three' }));
    expect(limited).toMatchObject({ code: 40 });
    expect(limited?.message).toMatch(/too many failed logins/i);
    expect(checks).toBe(2);
  });

  it('puts apiKey and token guesses through the login limiter per address: a stranger is slowed, the owner elsewhere is not', async () => {
    const { server, aliceKey } = await subsonicServer({
      trustProxy: ['127.0.0.1'],
      loginLimits: {
        perAccountAndAddress: { free: 2, firstDelayMs: 60_000, maxDelayMs: 60_000, forgetAfterMs: 60_000 },
        perAddress: { free: 100, firstDelayMs: 1000, maxDelayMs: 1000, forgetAfterMs: 60_000 },
      },
    });
    const from = async (address: string, auth: Record<string, string>) => {
      const url = new URL('/rest/ping', server.url);
      for (const [key, value] of Object.entries({ f: 'json', ...auth })) url.searchParams.set(key, value);
      return errorOf(await fetch(url, { headers: { 'x-forwarded-for': address } }));
    };
    const stranger = '203.0.113.66';
    const owner = '198.51.100.7';
    expect(await from(stranger, { apiKey: 'tunes_guess-one' })).toMatchObject({ code: 44 });
    expect(await from(stranger, { apiKey: 'tunes_guess-two' })).toMatchObject({ code: 44 });
    const slowed = await from(stranger, { apiKey: aliceKey.key });
    expect(slowed).toMatchObject({ code: 44 });
    expect(slowed?.message).toMatch(/too many failed logins/i);
    expect(await from(owner, { apiKey: aliceKey.key })).toBeUndefined();

    const salt = 'a1b2c3';
    const token = (key: string) => ({ u: 'alice', t: md5(`${key}${salt}`), s: salt });
    expect(await from(stranger, token('guess one'))).toMatchObject({ code: 40 });
    expect(await from(stranger, token('guess two'))).toMatchObject({ code: 40 });
    expect((await from(stranger, token(aliceKey.key)))?.message).toMatch(/too many failed logins/i);
    expect(await from(owner, token(aliceKey.key))).toBeUndefined();
    // An app key sent as p is limited the same way.
    expect((await from(stranger, { u: 'alice', p: aliceKey.key }))?.message).toMatch(/too many failed logins/i);
  });

  it('answers XML by default, JSONP with a callback, and Subsonic errors for endpoints tunes lacks', async () => {
    const { rest } = await subsonicServer();
    const xml = await rest('ping.view');
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
    const parsed = parseXml(await xml.text());
    expect(parsed['subsonic-response']).toMatchObject({ '@status': 'ok', '@version': '1.16.1', '@type': 'tunes', '@openSubsonic': 'true', '@xmlns': 'http://subsonic.org/restapi' });
    const jsonp = await rest('ping', { f: 'jsonp', callback: 'handle' });
    expect(jsonp.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(await jsonp.text()).toMatch(/^handle\(\{"subsonic-response":\{"status":"ok"/);
    // A callback that is not a plain name is not echoed into script.
    expect(await (await rest('ping', { f: 'jsonp', callback: 'alert(1);x' })).text()).toMatch(/^\{"subsonic-response"/);
    const missing = await rest('createShare', { id: '1' });
    expect(missing.status).toBe(200);
    expect(parseXml(await missing.text())['subsonic-response']).toMatchObject({ '@status': 'failed', error: { '@code': '0' } });
    // What tunes has none of answers empty, not failed (clients ask on their home screens).
    expect(parseXml(await (await rest('getPodcasts')).text())['subsonic-response']).toMatchObject({ '@status': 'ok', podcasts: '' });
    expect(parseXml(await (await rest('getArtistInfo2', { id: 'ar-1' })).text())['subsonic-response']['@status']).toBe('ok');
  });
});
