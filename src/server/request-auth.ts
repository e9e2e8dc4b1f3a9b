import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/user.js';
import { TunesError } from '../errors.js';
import type { AuthService } from '../services/auth/auth-service.js';
import type { AppKeyService } from '../services/app-keys/app-key-service.js';
import { csrfRefusal, sessionCookie } from './web-session.js';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

/** The token of `Authorization: Bearer <token>`, if the request carries one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** The caller's session token: the bearer token, else the web player's session cookie. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return bearerToken(request) ?? (request.headers.authorization === undefined ? sessionCookie(request) : undefined);
}

export type Authenticate = (request: FastifyRequest) => Promise<User>;

/**
 * Resolves the caller from the bearer token (the same sessions the CLI uses) or, for the web player,
 * the session cookie, whose writes must also pass the CSRF check (web-session.ts).
 */
export function createAuthenticate(auth: AuthService): Authenticate {
  return async (request) => {
    const bearer = bearerToken(request);
    if (bearer) return auth.authenticate(bearer);
    const cookie = request.headers.authorization === undefined ? sessionCookie(request) : undefined;
    if (!cookie) throw new TunesError('not_logged_in', 'send Authorization: Bearer <token> (from POST /api/login)');
    const user = await auth.authenticate(cookie);
    const refusal = csrfRefusal(request, cookie);
    if (refusal) throw new TunesError('forbidden', refusal);
    return user;
  };
}

/** What an app key looks like (src/services/app-keys/sealed-key.ts); session tokens carry no prefix. */
const APP_KEY_PREFIX = 'tunes_';

/**
 * For the few routes a Subsonic client of tunes may call with its app key as the bearer (its own
 * history, ending its own key): the key's owner, else the session rules above. An app key already
 * speaks for its owner on /rest, so this opens nothing it could not reach there; the key is returned
 * so a route can act on it.
 */
export type AppKeyAuthenticate = (request: FastifyRequest) => Promise<{ user: User; appKey?: string }>;

export function createAppKeyAuthenticate(authenticate: Authenticate, appKeys: Pick<AppKeyService, 'userOfKey'>): AppKeyAuthenticate {
  return async (request) => {
    const bearer = bearerToken(request);
    if (bearer?.startsWith(APP_KEY_PREFIX)) {
      const user = await appKeys.userOfKey(bearer);
      if (user) return { user, appKey: bearer };
    }
    return { user: await authenticate(request) };
  };
}
