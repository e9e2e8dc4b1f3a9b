import type { FastifyInstance } from 'fastify';
import { MAX_RECORD_ID } from '../../services/record-id.js';
import type { RouteContext } from '../route-context.js';
import { streamUrls } from '../stream-urls.js';
import { presentHistoryEntry } from './present/listening.js';

const historyQuery = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
} as const;

const listenSchema = {
  body: {
    type: 'object',
    required: ['song_id', 'ms_played'],
    properties: {
      song_id: { type: 'integer', minimum: 1, maximum: MAX_RECORD_ID },
      ms_played: { type: 'integer', minimum: 0, maximum: 7 * 24 * 3600 * 1000 },
      started_at: { type: 'string', format: 'date-time' },
    },
  },
} as const;

interface ListenBody {
  song_id: number;
  ms_played: number;
  started_at?: string;
}

export function registerHistoryRoutes(app: FastifyInstance, { services, authenticate, authenticateAppKey, clock }: RouteContext): void {
  // A client's listen (the web player's): it counts as a play by the CLI's rule, 30 s or half the song.
  app.post<{ Body: ListenBody }>('/api/me/history', { schema: listenSchema }, async (request, reply) => {
    const user = await authenticate(request);
    const song = await services.catalog.getSong(request.body.song_id);
    const now = clock.now();
    const startedAt = request.body.started_at === undefined ? new Date(now.getTime() - request.body.ms_played) : new Date(request.body.started_at);
    const play = await services.history.recordListen({
      userId: user.id,
      songId: song.id,
      startedAt,
      msPlayed: Math.min(request.body.ms_played, now.getTime() - startedAt.getTime() + 1000),
      durationMs: song.duration_ms,
    });
    return reply.code(play ? 201 : 200).send({ counted: play !== undefined, play: play ?? null });
  });

  // Also with an app key as the bearer: how `tunes history` on a remote tunes library reads it.
  app.get<{ Querystring: { limit: number } }>('/api/me/history', { schema: { querystring: historyQuery } }, async (request) => {
    const { user } = await authenticateAppKey(request);
    const plays = await services.history.recent(user.id, { limit: request.query.limit });
    const urls = await streamUrls(request, services.streamLinks, user.id, plays.map((play) => play.song));
    return plays.map((play) => presentHistoryEntry(play, urls));
  });
}

const statsQuery = {
  type: 'object',
  properties: { year: { type: 'string' }, since: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
  additionalProperties: false,
} as const;

/** `GET /api/me/stats?year=2026` (or `since=2026-03-01`): the logged-in user's year in music, as `tunes stats --json`. */
export function registerStatsRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  app.get<{ Querystring: { year?: string; since?: string; limit: number } }>('/api/me/stats', { schema: { querystring: statsQuery } }, async (request) => {
    const user = await authenticate(request);
    const { year, since, limit } = request.query;
    return services.stats.yearInMusic(user.id, { year, since, limit });
  });
}
