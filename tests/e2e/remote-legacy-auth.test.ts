import { describe, expect, it } from 'vitest';
import { SubsonicClient, md5, type SubsonicTarget } from '../../src/remote/subsonic/client.js';
import { loginToServer } from '../../src/remote/subsonic/login.js';
import { serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { startSupysonic } from '../helpers/supysonic.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The client's own calls, as tunes makes them, against real servers: each legacy way of sending who is calling. */
async function using<T>(target: SubsonicTarget, work: (client: SubsonicClient) => Promise<T>): Promise<T> {
  const client = new SubsonicClient(target, { TUNES_HOME: tempDir() });
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

const songTitles = (body: Record<string, any>) => ((body['searchResult3']?.['song'] ?? []) as Array<{ title: string }>).map((s) => s.title).sort(); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('legacy Subsonic auth from the client side (u+t+s, p=enc:), against a real tunes serve and supysonic', () => {
  it('tunes: salt+token with an app key as the secret works, a fresh salt each request; a wrong key is refused in one line; the password as the secret is refused', async () => {
    const server = await serveTunesLibrary();
    const { key } = await tunesJson<{ key: string }>(['apikey', 'create', 'phone'], server.home);
    const target = (credential: SubsonicTarget['credential']): SubsonicTarget => ({ name: 'home', url: server.url, username: 'alice', credential });

    await using(target({ kind: 'key-token', key }), async (client) => {
      const [a, b] = [client.endpointUrl('ping'), client.endpointUrl('ping')];
      expect(a.searchParams.get('s')).not.toBe(b.searchParams.get('s'));
      expect(a.searchParams.get('t')).toBe(md5(key + a.searchParams.get('s')));
      expect(a.searchParams.has('p')).toBe(false);
      expect(songTitles(await client.call('search3', { query: 'hunter' }))).toEqual(['Hunter']);
    });
    await expect(using(target({ kind: 'key-token', key: 'tunes_wrong' }), (client) => client.call('ping'))).rejects.toMatchObject({
      code: 'auth_failed',
      message: 'home: Wrong username or password',
    });
    // The account's password as the token's secret: tunes keeps only its hash, so only app keys are tried.
    const salt = 'a1b2c3';
    await expect(using(target({ kind: 'token', salt, token: md5(`correct horse${salt}`) }), (client) => client.call('ping'))).rejects.toMatchObject({
      code: 'auth_failed',
      message: 'home: Wrong username or password',
    });
    // p=enc: (hex of the UTF-8) with the app key as the password.
    await using(target({ kind: 'password', password: key }), async (client) => {
      expect(client.endpointUrl('ping').searchParams.get('p')).toBe(`enc:${Buffer.from(key).toString('hex')}`);
      expect(songTitles(await client.call('search3', { query: 'hunter' }))).toEqual(['Hunter']);
    });
  });

  it('supysonic: takes no salt+token (so login falls back to p=enc:), and p=enc: of a non-ASCII password works', async () => {
    const password = 'hästen rätt';
    const server = await startSupysonic(password);
    const target = (credential: SubsonicTarget['credential']): SubsonicTarget => ({ name: 'supy', url: server.url, username: 'alice', credential });
    const salt = 'f00dfeed';
    const refused = await using(target({ kind: 'token', salt, token: md5(password + salt) }), (client) => client.call('ping')).catch((error: unknown) => error);
    // Not a network failure: the server is there and says no, which is what sends login on to `p`.
    expect(refused).toMatchObject({ code: expect.not.stringMatching(/^io$/) });
    expect(String((refused as Error).message)).not.toContain('\n');

    await using(target({ kind: 'password', password }), async (client) => {
      expect(client.endpointUrl('ping').searchParams.get('p')).toBe(`enc:${Buffer.from(password, 'utf8').toString('hex')}`);
      expect(songTitles(await client.call('search3', { query: 'takk' }))).toEqual(['Takk 1', 'Takk 10', 'Takk 2']);
    });
    const kept = await loginToServer({ url: server.url, username: 'alice', password, name: 'supy' }, { TUNES_HOME: tempDir() });
    expect(kept.credential.kind).toBe('sealed-password');
    await expect(using(target({ kind: 'password', password: 'wrong' }), (client) => client.call('ping'))).rejects.toMatchObject({ code: 'auth_failed' });
  });
});
