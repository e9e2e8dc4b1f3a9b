import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { contentRange, resolveByteRange } from '../byte-range.js';
import { sendError } from '../http-errors.js';

export const songIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

/** Audio over HTTP with single-range support, so browsers and mpv can seek. */
export function registerStreamRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  app.get<{ Params: { id: number } }>(
    '/api/songs/:id/stream',
    { schema: { params: songIdParams } },
    async (request, reply) => {
      await authenticate(request);
      // The path comes from the catalogue row only, never from the request.
      const file = await services.songFiles.locate(request.params.id);
      const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
      const lastModified = new Date(file.mtimeMs).toUTCString();
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
