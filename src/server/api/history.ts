import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { streamUrls } from '../stream-urls.js';
import { presentHistoryEntry } from './present/listening.js';

const historyQuery = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
} as const;

export function registerHistoryRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  app.get<{ Querystring: { limit: number } }>('/api/me/history', { schema: { querystring: historyQuery } }, async (request) => {
    const user = await authenticate(request);
    const plays = await services.history.recent(user.id, { limit: request.query.limit });
    const urls = await streamUrls(request, services.streamLinks, user.id, plays.map((play) => play.song));
    return plays.map((play) => presentHistoryEntry(play, urls));
  });
}
