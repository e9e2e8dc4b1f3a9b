import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { presentLyrics } from './present/index.js';
import { songIdParams } from './stream.js';

/** A song's lyrics, readable without a token as the catalogue is. */
export function registerLyricsRoutes(app: FastifyInstance, { services }: RouteContext): void {
  app.get<{ Params: { id: number } }>('/api/songs/:id/lyrics', { schema: { params: songIdParams } }, async (request) =>
    presentLyrics(request.params.id, await services.lyrics.ofSong(request.params.id)),
  );
}
