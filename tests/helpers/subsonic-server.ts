import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SubsonicAPI } from 'subsonic-api';
import type { ServerOptions } from '../../src/server/app.js';
import { ALBUM_FIXTURES } from './album-library.js';
import { tempDir } from './temp-dir.js';
import { startTestServer } from './test-server.js';

export const ALICE_PASSWORD = 'alice password';

/**
 * A real `tunes serve` (127.0.0.1, port 0) over the album fixtures, with admin and alice, an app key
 * for alice, and subsonic-api clients (a Subsonic client library nobody here wrote) for each way in.
 */
export async function subsonicServer(options: Omit<ServerOptions, 'log'> = {}) {
  const server = await startTestServer(options);
  const admin = (await server.services.auth.register('admin', 'password one')).user;
  const alice = (await server.services.auth.register('alice', ALICE_PASSWORD)).user;
  const music = join(tempDir(), 'Music');
  cpSync(ALBUM_FIXTURES, music, { recursive: true });
  await server.services.library.addRoots(admin, [music], { workers: 0 });
  const aliceKey = await server.services.appKeys.create(alice.id, 'phone');
  const client = (auth: { username: string; password: string } | { apiKey: string }, post = false) =>
    new SubsonicAPI({ url: server.url, auth: auth as { username: string; password: string }, post });
  return {
    server,
    admin,
    alice,
    aliceKey,
    music,
    client,
    /** Alice by OpenSubsonic apiKey. */
    byKey: client({ apiKey: aliceKey.key }),
    /** Alice by token auth (md5(key + salt)). */
    byToken: client({ username: 'alice', password: aliceKey.key }),
    /** A raw GET of /rest/NAME with these parameters, as alice's apiKey unless `auth` says otherwise. */
    rest: (name: string, params: Record<string, string | string[]> = {}, auth: Record<string, string> = { apiKey: aliceKey.key }) => {
      const url = new URL(`/rest/${name}`, server.url);
      for (const [key, value] of Object.entries({ ...auth, ...params })) for (const item of [value].flat()) url.searchParams.append(key, item);
      return fetch(url);
    },
  };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['artist', 'album', 'song', 'index', 'child', 'entry', 'playlist', 'genre', 'musicFolder', 'openSubsonicExtensions'].includes(name) });

/** An XML answer parsed by a real XML parser (attributes as @name). */
export function parseXml(text: string): Record<string, any> {
  return xml.parse(text) as Record<string, any>;
}
