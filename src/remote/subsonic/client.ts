import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { RemoteCredential } from '../../config/remote-servers.js';
import { unsealPassword } from '../../config/remote-secret.js';
import { TunesError, type ErrorCode } from '../../errors.js';

/** The API version the client speaks: 1.10 and up is every server worth reaching. */
export const CLIENT_API_VERSION = '1.10.2';
const CLIENT_NAME = 'tunes';

export interface SubsonicTarget {
  /** Names the server in messages. */
  name: string;
  url: string;
  username: string;
  credential: RemoteCredential;
  ca?: string | undefined;
}

/** One `subsonic-response` body (JSON), status ok. Shapes differ between servers: readers check each field. */
// Subsonic's JSON is loosely typed across servers (numbers as strings, single items not in arrays).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SubsonicBody = Record<string, any>;

export type ParamValue = string | number | boolean | undefined | ReadonlyArray<string | number>;

/**
 * A Subsonic client over HTTP(S): JSON replies, keep-alive connections (one agent per client), the
 * credential as the server needs it, and every failure as one TunesError (network trouble: `io`; an
 * endpoint the server lacks: `dependency_missing`, "not supported by this server").
 */
export class SubsonicClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private password: string | undefined;
  /** Requests sent, and how many of them needed a new connection (the rest reused one: keep-alive). */
  readonly traffic = { requests: 0, newConnections: 0 };

  constructor(
    readonly target: SubsonicTarget,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.base = new URL(target.url.endsWith('/') ? target.url : `${target.url}/`);
    const options = { keepAlive: true, maxSockets: 6 };
    this.agent =
      this.base.protocol === 'https:'
        ? new https.Agent({ ...options, ...(target.ca ? { ca: [...rootCertificates, readCa(target.ca)] } : {}) })
        : new http.Agent(options);
  }

  /** `rest/<endpoint>` with the auth and the given parameters (arrays repeat the name). */
  endpointUrl(endpoint: string, params: Record<string, ParamValue> = {}): URL {
    const url = new URL(`rest/${endpoint}`, this.base);
    for (const [key, value] of Object.entries({ ...this.authParams(), v: CLIENT_API_VERSION, c: CLIENT_NAME, ...params })) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** One call; `timeoutMs` bounds the wait for a server that may be gone (a stalled route, not only a refused one). */
  async call(endpoint: string, params: Record<string, ParamValue> = {}, { timeoutMs }: { timeoutMs?: number } = {}): Promise<SubsonicBody> {
    const url = this.endpointUrl(endpoint, { ...params, f: 'json' });
    const { status, text } = await this.get(url, timeoutMs);
    if (status === 404) throw unsupported(this.target.name, endpoint);
    let body: SubsonicBody | undefined;
    try {
      body = (JSON.parse(text) as SubsonicBody)['subsonic-response'] as SubsonicBody | undefined;
    } catch {
      body = undefined;
    }
    if (!body) throw new TunesError('io', `${this.target.name} answered ${endpoint} with something that is not a Subsonic reply (HTTP ${status})`);
    if (body['status'] !== 'ok') {
      const error = (body['error'] ?? {}) as { code?: number | string; message?: string };
      throw failureOf(this.target.name, endpoint, Number(error.code ?? 0), String(error.message ?? 'failed'));
    }
    return body;
  }

  /**
   * An endpoint that answers with bytes (getCoverArt): the body and its type. A Subsonic error
   * answers in JSON instead; that is thrown as call() would (not_found for a missing cover).
   */
  async fetchBytes(endpoint: string, params: Record<string, ParamValue> = {}): Promise<{ type: string; body: Buffer }> {
    const url = this.endpointUrl(endpoint, { ...params, f: 'json' });
    const { status, text, type, body } = await this.get(url);
    if (status === 404 && !/json|xml/.test(type)) throw unsupported(this.target.name, endpoint);
    if (status >= 200 && status < 300 && !/json|xml/.test(type)) return { type, body };
    let reply: SubsonicBody | undefined;
    try {
      reply = (JSON.parse(text) as SubsonicBody)['subsonic-response'] as SubsonicBody | undefined;
    } catch {
      reply = undefined;
    }
    const error = (reply?.['error'] ?? {}) as { code?: number | string; message?: string };
    if (!reply) throw new TunesError('io', `${this.target.name} answered ${endpoint} with something that is not an image (HTTP ${status})`);
    throw failureOf(this.target.name, endpoint, Number(error.code ?? 70), String(error.message ?? 'not found'));
  }

  /** POST of JSON to a path under the server's URL (tunes' own /api, used once at login for an app key). */
  postJson(path: string, body: unknown, bearer?: string): Promise<{ status: number; json: unknown }> {
    return this.requestJson('POST', path, body, bearer);
  }

  /** A request to tunes' own /api under the server's URL: the status and the JSON answer (undefined when not JSON). */
  async requestJson(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, bearer?: string): Promise<{ status: number; json: unknown }> {
    const url = new URL(path, this.base);
    const lib = url.protocol === 'https:' ? https : http;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = lib.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            let json: unknown;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              json = undefined;
            }
            resolve({ status: response.statusCode ?? 0, json });
          });
          response.on('error', (error) => reject(networkError(this.target, error)));
        },
      );
      request.on('error', (error) => reject(networkError(this.target, error)));
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private authParams(): Record<string, string> {
    const { credential, username } = this.target;
    switch (credential.kind) {
      case 'apikey':
        return { apiKey: credential.key };
      case 'key-token': {
        const salt = randomBytes(8).toString('hex');
        return { u: username, s: salt, t: md5(credential.key + salt) };
      }
      case 'token':
        return { u: username, s: credential.salt, t: credential.token };
      case 'password':
        return { u: username, p: `enc:${Buffer.from(credential.password, 'utf8').toString('hex')}` };
      case 'sealed-password':
        this.password ??= unsealPassword(credential.sealed, this.env);
        return { u: username, p: `enc:${Buffer.from(this.password, 'utf8').toString('hex')}` };
    }
  }

  private get(url: URL, timeoutMs?: number): Promise<{ status: number; text: string; type: string; body: Buffer }> {
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = lib.get(url, { agent: this.agent, headers: { accept: 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, text: body.toString('utf8'), type: String(response.headers['content-type'] ?? ''), body });
        });
        response.on('error', (error) => reject(networkError(this.target, error)));
      });
      request.on('error', (error) => reject(networkError(this.target, error)));
      if (timeoutMs !== undefined) request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('timed out'), { code: 'timed out' })));
      this.traffic.requests += 1;
      request.once('socket', () => {
        if (!request.reusedSocket) this.traffic.newConnections += 1;
      });
    });
  }
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TunesError('io', `cannot read the CA file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

const UNTRUSTED_CERTIFICATE = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED']);

function networkError(target: SubsonicTarget, error: Error): TunesError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && UNTRUSTED_CERTIFICATE.has(code)) {
    return new TunesError('io', `${target.name} (${new URL(target.url).origin}) has a certificate this machine does not trust (${code})`, 'to trust a self-signed server, log in with --ca FILE (its certificate)');
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new TunesError('io', `${target.name}'s certificate is not for ${new URL(target.url).hostname}`);
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'no such host' : code ?? error.message;
  return new TunesError('io', `cannot reach ${target.name} (${new URL(target.url).origin}): ${why}`);
}

export function unsupported(server: string, what: string): TunesError {
  return new TunesError('dependency_missing', `${what} is not supported by this server (${server})`);
}

/** Subsonic's error codes as TunesError codes. */
function failureOf(server: string, endpoint: string, code: number, message: string): TunesError {
  const byCode: Record<number, ErrorCode> = { 10: 'invalid_input', 20: 'dependency_missing', 30: 'dependency_missing', 40: 'auth_failed', 41: 'auth_failed', 42: 'auth_failed', 43: 'auth_failed', 44: 'auth_failed', 50: 'forbidden', 60: 'forbidden', 70: 'not_found' };
  const mapped = byCode[code];
  if (mapped === undefined && code === 0 && /unknown|not (found|implemented|supported)/i.test(message)) return unsupported(server, endpoint);
  return new TunesError(mapped ?? 'io', `${server}: ${message}`);
}
