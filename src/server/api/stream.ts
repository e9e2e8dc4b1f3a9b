import type { FastifyInstance } from 'fastify';
import { MAX_RECORD_ID } from '../../services/record-id.js';
import type { RouteContext } from '../route-context.js';
import { sendSongFile } from '../song-file-reply.js';
import { STREAM_LINK_PARAMS } from '../stream-urls.js';

export const songIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_RECORD_ID } },
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
      return sendSongFile(request, reply, await services.songFiles.locate(request.params.id));
    },
  );
}
