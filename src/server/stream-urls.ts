import type { FastifyRequest } from 'fastify';
import { sessionCookie } from './web-session.js';
import type { StreamGrant, StreamLinkService } from '../services/media/stream-links.js';

/** The query parameters of a signed stream link. `sig` is among the request log's secret parameters (log-redaction.ts). */
export const STREAM_LINK_PARAMS = { user: 'user', expires: 'expires', signature: 'sig' } as const;

export interface SongForLink {
  id: number;
  duration_ms: number | null;
}

/**
 * Absolute stream URLs for songs, signed for one user (see StreamLinkService), as the API hands
 * them out in `stream_url`: a browser `<audio>`, mpv, VLC or a phone opens them with no header.
 * The origin is the one the client reached the server at.
 */
export async function streamUrls(request: FastifyRequest, links: StreamLinkService, userId: number, songs: readonly SongForLink[]): Promise<Map<number, string>> {
  const origin = `${request.protocol}://${request.host}`;
  const grants = await links.grantAll(userId, songs);
  return new Map([...grants].map(([songId, grant]) => [songId, `${origin}${streamPath(songId, grant)}`]));
}

/** The link's path and query; every part is digits or base64url, so nothing needs escaping. */
export function streamPath(songId: number, grant: StreamGrant): string {
  const { user, expires, signature } = STREAM_LINK_PARAMS;
  return `/api/songs/${songId}/stream?${user}=${grant.user}&${expires}=${grant.expires}&${signature}=${grant.signature}`;
}

/**
 * The caller's stream URLs for these songs when the request carries a token (an invalid one is 401,
 * as anywhere); none for an anonymous request, whose songs then show `stream_url: null`.
 */
export async function callerStreamUrls(
  request: FastifyRequest,
  { authenticate, links }: { authenticate: (request: FastifyRequest) => Promise<{ id: number }>; links: StreamLinkService },
  songs: readonly SongForLink[],
): Promise<Map<number, string>> {
  if (request.headers.authorization === undefined && sessionCookie(request) === undefined) return new Map();
  const user = await authenticate(request);
  return streamUrls(request, links, user.id, songs);
}
