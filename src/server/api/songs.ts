import type { FastifyInstance } from 'fastify';
import { TunesError } from '../../errors.js';
import { MAX_OFFSET } from '../../services/catalog/catalog-service.js';
import type { RouteContext } from '../route-context.js';
import { presentSong } from './present/song.js';
import { callerStreamUrls } from '../stream-urls.js';
import { songIdParams } from './stream.js';

export const MAX_SONGS_PER_PAGE = 500;

interface SongsQuery {
  q?: string;
  artist?: string;
  album?: string;
  genre?: string;
  limit: number;
  cursor?: string;
  offset?: number;
}

const songsQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 500 },
    artist: { type: 'string', maxLength: 500 },
    album: { type: 'string', maxLength: 500 },
    genre: { type: 'string', maxLength: 500 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_SONGS_PER_PAGE, default: 50 },
    cursor: { type: 'string', maxLength: 2000 },
    offset: { type: 'integer', minimum: 0, maximum: MAX_OFFSET },
  },
} as const;

/** The catalogue, readable without a token as in the seed. */
export function registerSongRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  const links = { authenticate, links: services.streamLinks };
  app.get<{ Querystring: SongsQuery }>('/api/songs', { schema: { querystring: songsQuerySchema } }, async (request, reply) => {
    const { q, artist, album, genre, limit, cursor, offset } = request.query;
    const page = await services.catalog.listSongs({ query: q, artist, album, genre, limit, cursor, page: pageOf(offset, limit, cursor) });
    if (page.nextCursor !== null) {
      reply.header('x-next-cursor', page.nextCursor);
      reply.header('link', `<${nextPageUrl(request.url, page.nextCursor)}>; rel="next"`);
    }
    const urls = await callerStreamUrls(request, links, page.songs);
    return page.songs.map((song) => presentSong(song, urls));
  });

  // With a token, `stream_url` is a signed link any player opens without a header (see stream.ts).
  app.get<{ Params: { id: number } }>('/api/songs/:id', { schema: { params: songIdParams } }, async (request) => {
    const song = await services.catalog.getSong(request.params.id);
    return presentSong(song, await callerStreamUrls(request, links, [song]));
  });
}

/** The catalogue pages by page number; an offset maps onto one when it falls on a page boundary. */
function pageOf(offset: number | undefined, limit: number, cursor: string | undefined): number | undefined {
  if (offset === undefined) return undefined;
  if (cursor !== undefined) throw new TunesError('invalid_input', 'use either cursor or offset, not both');
  if (offset % limit !== 0) throw new TunesError('invalid_input', `offset must be a multiple of limit (${limit})`);
  return offset / limit + 1;
}

function nextPageUrl(url: string, cursor: string): string {
  const next = new URL(url, 'http://x');
  next.searchParams.delete('offset');
  next.searchParams.set('cursor', cursor);
  return `${next.pathname}${next.search}`;
}
