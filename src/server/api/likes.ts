import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { streamUrls } from '../stream-urls.js';
import { presentLikedSong } from './present/listening.js';
import { songIdParams } from './stream.js';

export function registerLikeRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  app.put<{ Params: { id: number } }>('/api/songs/:id/like', { schema: { params: songIdParams } }, async (request) => {
    const user = await authenticate(request);
    await services.likes.like(user.id, [request.params.id]);
    return { song_id: request.params.id, liked: true };
  });

  app.delete<{ Params: { id: number } }>('/api/songs/:id/like', { schema: { params: songIdParams } }, async (request) => {
    const user = await authenticate(request);
    await services.likes.unlike(user.id, [request.params.id]);
    return { song_id: request.params.id, liked: false };
  });

  app.get('/api/me/likes', async (request) => {
    const user = await authenticate(request);
    const liked = await services.likes.list(user.id);
    const urls = await streamUrls(request, services.streamLinks, user.id, liked.map((like) => like.song));
    return liked.map((like) => presentLikedSong(like, urls));
  });
}
