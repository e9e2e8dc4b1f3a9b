import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
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
      const range = resolveByteRange(request.headers.range, file.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('last-modified', new Date(file.mtimeMs).toUTCString())
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
