import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_COVER_SIZE, MIN_COVER_SIZE, type CoverFile } from '../../services/covers/cover-service.js';
import type { RouteContext } from '../route-context.js';
import { songIdParams } from './stream.js';

const coverQuery = {
  type: 'object',
  properties: { size: { type: 'integer', minimum: MIN_COVER_SIZE, maximum: MAX_COVER_SIZE } },
} as const;

type CoverRequest = FastifyRequest<{ Params: { id: number }; Querystring: { size?: number } }>;

/**
 * Covers, readable without a token like the albums they belong to (an <img> cannot send one).
 * `?size=N` fits the image inside N x N pixels; ETag by content, so a client revalidates for free.
 */
export function registerCoverRoutes(app: FastifyInstance, { services }: RouteContext): void {
  const schema = { params: songIdParams, querystring: coverQuery };
  app.get('/api/albums/:id/cover', { schema }, async (request: CoverRequest, reply) =>
    send(request, reply, await services.covers.albumCover(request.params.id, request.query.size)),
  );
  app.get('/api/songs/:id/cover', { schema }, async (request: CoverRequest, reply) =>
    send(request, reply, await services.covers.songCover(request.params.id, request.query.size)),
  );
}

function send(request: CoverRequest, reply: FastifyReply, cover: CoverFile): FastifyReply {
  reply.header('etag', cover.etag).header('cache-control', 'public, max-age=300');
  const match = request.headers['if-none-match'];
  if (match !== undefined && match.split(',').some((tag) => tag.trim() === cover.etag || tag.trim() === '*')) {
    return reply.code(304).send();
  }
  return reply.type(cover.mime).header('content-length', String(cover.byte_size)).send(createReadStream(cover.path));
}
