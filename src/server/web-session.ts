import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_LIFETIME_MS } from '../services/auth/auth-service.js';

/**
 * The web player's session: the same session token the CLI holds, kept in an HttpOnly,
 * SameSite=Strict cookie so page scripts never see it. Writes made with the cookie also need the
 * CSRF token in a header (a form or an <img> on another site cannot send one), and a browser's
 * Origin, when it names one, must be this server's own.
 */
export const SESSION_COOKIE = 'tunes_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function cookies(request: FastifyRequest): Record<string, string | undefined> {
  return (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies ?? {};
}

export function sessionCookie(request: FastifyRequest): string | undefined {
  const value = cookies(request)[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

/** Derived from the session token, so it needs no storage and dies with the session. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('tunes-csrf\0').update(sessionToken).digest('base64url');
}

/** Why a cookie-authenticated request may not go on, or undefined when it may. */
export function csrfRefusal(request: FastifyRequest, sessionToken: string): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) return 'cross-origin request refused';
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request refused';
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    return `send the session's CSRF token in ${CSRF_HEADER} (from GET /api/session)`;
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}
