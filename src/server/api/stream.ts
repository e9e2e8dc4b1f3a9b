import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { contentRange, resolveByteRange } from '../byte-range.js';
import { sendError } from '../http-errors.js';
import { STREAM_LINK_PARAMS } from '../stream-urls.js';

export const songIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

type StreamQuery = Partial<Record<(typeof STREAM_LINK_PARAMS)[keyof typeof STREAM_LINK_PARAMS], string>>;

/**
 * Audio over HTTP with single-range support, so browsers and mpv can seek. Either a bearer token or
 * a signed link (`stream_url` in song JSON: `?user=&expires=&sig=`) lets a caller in; a link that was
 * tampered with, has expired or names another song is 403.
 */
export function registerStreamRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  app.get<{ Params: { id: number }; Querystring: StreamQuery }>(
    '/api/songs/:id/stream',
    { schema: { params: songIdParams } },
    async (request, reply) => {
      const { user, expires, sig } = request.query;
      if (sig !== undefined || user !== undefined || expires !== undefined) {
        await services.streamLinks.verify(request.params.id, { user, expires, signature: sig });
      } else {
        await authenticate(request);
      }
      // The path comes from the catalogue row only, never from the request.
      const file = await services.songFiles.locate(request.params.id);
      const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
      const lastModified = new Date(file.mtimeMs).toUTCString();
      if (matchesEtag(request.headers['if-none-match'], etag)) {
        // The client has this version already (RFC 9110: If-None-Match wins over Range and If-Range).
        return reply.code(304).header('etag', etag).header('last-modified', lastModified).header('cache-control', 'private, max-age=0').send();
      }
      // If-Range: resume only the same version of the file; a changed file is sent whole.
      const ifRange = request.headers['if-range'];
      const sameVersion = ifRange === undefined || ifRange === etag || ifRange === lastModified;
      const range = resolveByteRange(sameVersion ? request.headers.range : undefined, file.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        .header('last-modified', lastModified)
        .header('cache-control', 'private, max-age=0');

      if (range.kind === 'unsatisfiable') {
        reply.header('content-range', contentRange(range, file.size));
        return sendError(reply, { status: 416, code: 'range_not_satisfiable', message: `range not satisfiable for ${file.size} bytes` });
      }
      reply.type(file.mimeType);
      if (range.kind === 'full') {
        reply.header('content-length', String(file.size));
        return reply.code(200).send(createReadStream(file.path));
      }
      reply
        .header('content-range', contentRange(range, file.size))
        .header('content-length', String(range.end - range.start + 1));
      return reply.code(206).send(createReadStream(file.path, { start: range.start, end: range.end }));
    },
  );
}

/** If-None-Match: `*` or a list of entity tags, weak ones (W/"...") compared weakly as GET allows. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
