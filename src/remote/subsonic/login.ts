import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { RemoteCredential, RemoteServer } from '../../config/remote-servers.js';
import { sealPassword } from '../../config/remote-secret.js';
import { TunesError, isTunesError } from '../../errors.js';
import { SubsonicClient, md5, type SubsonicBody } from './client.js';

export interface LoginRequest {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  apiKey?: string | undefined;
  ca?: string | undefined;
  name?: string | undefined;
}

/**
 * Logs in to a Subsonic server and decides what to keep (never the password in plain text):
 * an app key given (apiKey where advertised, else as the token secret); with a password, a salt and
 * token pair when token auth takes it; a tunes server's own app key, made here, when the server
 * is tunes; else, for servers that take only `p`, the password sealed under this machine's key file.
 */
export async function loginToServer(request: LoginRequest, env: NodeJS.ProcessEnv = process.env): Promise<RemoteServer> {
  const url = normalUrl(request.url);
  const name = request.name ?? new URL(url).host;
  const username = request.username ?? '';
  const target = (credential: RemoteCredential) => new SubsonicClient({ name, url, username, credential, ca: request.ca }, env);
  const extensions = await openSubsonicExtensions(
    target(request.apiKey !== undefined ? { kind: 'apikey', key: request.apiKey } : { kind: 'password', password: request.password ?? '' }),
  );
  const made = (credential: RemoteCredential, ping: SubsonicBody): RemoteServer => ({
    name,
    url,
    username,
    credential,
    ...(request.ca ? { ca: request.ca } : {}),
    ...(typeof ping['type'] === 'string' ? { server_type: ping['type'] } : {}),
    ...(ping['version'] ? { api_version: String(ping['version']) } : {}),
    extensions,
  });

  if (request.apiKey !== undefined) {
    if (!extensions.includes('apiKeyAuthentication') && username === '') {
      throw new TunesError('usage', `${name} does not take API keys on their own: give the username too (the key is then the password)`);
    }
    const credential: RemoteCredential = extensions.includes('apiKeyAuthentication') ? { kind: 'apikey', key: request.apiKey } : { kind: 'key-token', key: request.apiKey };
    const ping = await pinged(target(credential));
    if (credential.kind === 'apikey') {
      // With apiKey there is no `u`: the account is the key's (getUser of "" is not asked).
      const user = await whoseKey(target(credential));
      return { ...made(credential, ping), username: user ?? username };
    }
    return made(credential, ping);
  }

  const password = request.password ?? '';
  if (username === '') throw new TunesError('usage', 'a username is needed to log in with a password');
  const salt = randomBytes(8).toString('hex');
  const token: RemoteCredential = { kind: 'token', salt, token: md5(password + salt) };
  try {
    return made(token, await pinged(target(token)));
  } catch (error) {
    // Refused (tunes without app keys: 41), or not understood (supysonic asks for `p`: 10): try `p`.
    if (!isTunesError(error) || error.code === 'io') throw error;
  }
  const clear: RemoteCredential = { kind: 'password', password };
  const ping = await pinged(target(clear));
  if (ping['type'] === 'tunes') {
    const key = await createTunesAppKey(target(clear), username, password);
    const credential: RemoteCredential = extensions.includes('apiKeyAuthentication') ? { kind: 'apikey', key } : { kind: 'key-token', key };
    return { ...made(credential, ping), own_key: true };
  }
  return made({ kind: 'sealed-password', sealed: sealPassword(password, env) }, ping);
}

function normalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TunesError('invalid_input', `not a server URL: ${raw} (e.g. http://127.0.0.1:5000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TunesError('invalid_input', `a server URL starts with http:// or https://: ${raw}`);
  if (url.username || url.password) throw new TunesError('invalid_input', 'give the username and password apart, not in the URL');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

async function pinged(client: SubsonicClient): Promise<SubsonicBody> {
  try {
    return await client.call('ping');
  } finally {
    client.close();
  }
}

async function openSubsonicExtensions(client: SubsonicClient): Promise<string[]> {
  try {
    const body = await client.call('getOpenSubsonicExtensions');
    return (Array.isArray(body['openSubsonicExtensions']) ? body['openSubsonicExtensions'] : []).map((e: { name?: unknown }) => String(e.name));
  } catch (error) {
    if (isTunesError(error) && error.code === 'io' && /cannot reach/.test(error.message)) throw error;
    return [];
  } finally {
    client.close();
  }
}

async function whoseKey(client: SubsonicClient): Promise<string | undefined> {
  try {
    // OpenSubsonic: getUser without a username answers the caller (tunes and Navidrome do).
    const body = await client.call('getUser');
    return typeof body['user']?.['username'] === 'string' ? body['user']['username'] : undefined;
  } catch {
    return undefined;
  } finally {
    client.close();
  }
}

/** A tunes server: one app key for this machine, made through its own API (a session used once, then ended). */
async function createTunesAppKey(client: SubsonicClient, username: string, password: string): Promise<string> {
  try {
    const login = await client.postJson('api/login', { username, password });
    const session = (login.json as { token?: string } | undefined)?.token;
    if (login.status !== 200 || !session) throw new TunesError('auth_failed', `${client.target.name} refused the login (HTTP ${login.status})`);
    const keyName = `tunes on ${hostname()} ${new Date().toISOString().slice(0, 19)}`.slice(0, 64);
    const created = await client.postJson('api/me/apikeys', { name: keyName }, session);
    const key = (created.json as { key?: string } | undefined)?.key;
    await client.postJson('api/logout', {}, session).catch(() => undefined);
    if (created.status !== 201 || !key) throw new TunesError('io', `${client.target.name} did not make an app key (HTTP ${created.status})`);
    return key;
  } finally {
    client.close();
  }
}
