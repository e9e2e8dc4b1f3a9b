import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/user.js';
import { TunesError } from '../errors.js';
import type { AuthService } from '../services/auth/auth-service.js';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

/** The token of `Authorization: Bearer <token>`, if the request carries one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

export type Authenticate = (request: FastifyRequest) => Promise<User>;

/** Resolves the caller from the bearer token: the same sessions the CLI uses. */
export function createAuthenticate(auth: AuthService): Authenticate {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw new TunesError('not_logged_in', 'send Authorization: Bearer <token> (from POST /api/login)');
    return auth.authenticate(token);
  };
}
