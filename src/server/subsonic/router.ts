import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UnavailableError } from '../../errors.js';
import { toHttpError } from '../http-errors.js';
import { loggedUrl } from '../request-log.js';
import { authenticateSubsonic } from './auth.js';
import type { Endpoint, SubsonicContext } from './context.js';
import { SENT } from './context.js';
import { ErrorCode, formatOf, renderOk, sendFailure, sendOk, sendRendered, SubsonicFailure, type SubsonicFormat } from './envelope.js';
import { createReplyCache, replyCacheKey, type ReplyCache } from './reply-cache.js';
import { SubsonicParams } from './params.js';
import { checkClientVersion } from './version.js';
import { annotationEndpoints } from './annotation.js';
import { browsingEndpoints } from './browsing.js';
import { emptyListEndpoints } from './empty-lists.js';
import { listEndpoints } from './lists.js';
import { lyricsEndpoints } from './lyrics.js';
import { mediaEndpoints } from './media.js';
import { playlistEndpoints } from './playlists.js';
import { queueEndpoints } from './queue.js';
import { scanEndpoints } from './scan.js';
import { searchEndpoints } from './search.js';
import { systemEndpoints } from './system.js';
import { userEndpoints } from './user.js';

/** Service error codes as Subsonic's. */
const CODE_FOR: Record<string, number> = {
  not_found: ErrorCode.notFound,
  forbidden: ErrorCode.notAuthorised,
  auth_failed: ErrorCode.wrongCredentials,
  not_logged_in: ErrorCode.wrongCredentials,
};

/**
 * The Subsonic / OpenSubsonic API under /rest: every endpoint at /rest/NAME and /rest/NAME.view,
 * by GET and by POST form. One route per method matches every name, so an endpoint tunes does not
 * have answers Subsonic's error (not a 404 page), as clients expect.
 */
export function registerSubsonicRoutes(app: FastifyInstance, context: SubsonicContext): void {
  const endpoints = new Map<string, Endpoint>();
  for (const group of [
    systemEndpoints,
    browsingEndpoints,
    listEndpoints,
    searchEndpoints,
    playlistEndpoints,
    annotationEndpoints,
    mediaEndpoints,
    userEndpoints,
    queueEndpoints,
    scanEndpoints,
    lyricsEndpoints,
    emptyListEndpoints,
  ]) {
    for (const endpoint of group(context)) endpoints.set(endpoint.name, endpoint);
  }

  const replies = createReplyCache();
  void app.register(async (rest) => {
    // OpenSubsonic formPost: the same parameters as a url-encoded body. Only here: /api stays JSON only.
    rest.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const fields: Record<string, string[]> = {};
      for (const [name, value] of new URLSearchParams(body as string)) (fields[name] ??= []).push(value);
      done(null, fields);
    });
    const handle = (request: FastifyRequest<{ Params: { endpoint: string } }>, reply: FastifyReply) =>
      answer(request, reply, endpoints.get(request.params.endpoint.replace(/\.view$/, '')), context, replies);
    rest.get('/rest/:endpoint', handle);
    rest.post('/rest/:endpoint', handle);
  });
}

async function answer(
  request: FastifyRequest<{ Params: { endpoint: string } }>,
  reply: FastifyReply,
  endpoint: Endpoint | undefined,
  context: SubsonicContext,
  replies: ReplyCache,
) {
  const params = new SubsonicParams(request.query, request.body);
  const format: SubsonicFormat = formatOf(params.get('f'), params.get('callback'));
  try {
    checkClientVersion(params.get('v'));
    const user = await authenticateSubsonic(params, request.ip, context);
    if (!endpoint) throw new SubsonicFailure(ErrorCode.generic, `tunes does not implement ${request.params.endpoint.replace(/\.view$/, '')}`);
    if (endpoint.admin && user.role !== 'admin') throw new SubsonicFailure(ErrorCode.notAuthorised, 'Only an admin may do that');
    if (endpoint.cacheable?.(params)) {
      const key = replyCacheKey(user.id, endpoint.name, format, params);
      const marker = await context.services.catalog.changeMarker();
      const kept = replies.get(key, marker);
      if (kept !== undefined) return sendRendered(reply, kept);
      const body = await endpoint.handler({ user, params, request, reply, format });
      if (body === SENT) return reply;
      const rendered = renderOk(format, body);
      replies.set(key, marker, rendered);
      return sendRendered(reply, rendered);
    }
    const body = await endpoint.handler({ user, params, request, reply, format });
    if (body === SENT) return reply;
    return sendOk(reply, format, body);
  } catch (error) {
    if (reply.sent) return reply;
    if (error instanceof SubsonicFailure) return sendFailure(reply, format, error.code, error.message);
    const http = toHttpError(error);
    if (http.status >= 500 && !(error instanceof UnavailableError)) {
      context.log?.(`error ${request.method} ${loggedUrl(request)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    return sendFailure(reply, format, CODE_FOR[http.code] ?? ErrorCode.generic, http.message);
  }
}
