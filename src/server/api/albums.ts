import type { FastifyInstance } from 'fastify';
import type { AlbumSort } from '../../domain/album.js';
import type { RouteContext } from '../route-context.js';
import { callerStreamUrls } from '../stream-urls.js';
import { presentAlbum, presentAlbumDetail, presentArtist, presentArtistDetail } from './present/album.js';
import { songIdParams } from './stream.js';

export const MAX_ALBUMS_PER_PAGE = 500;

const pageSchema = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_ALBUMS_PER_PAGE, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

const albumsQuerySchema = {
  type: 'object',
  properties: { ...pageSchema, sort: { type: 'string', enum: ['name', 'year', 'added'], default: 'name' }, artist: { type: 'string', maxLength: 500 } },
} as const;

/** Albums and artists, readable without a token like the songs. Paged by limit and offset; `Link` names the next page. */
export function registerAlbumRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  // With a token, the songs carry `stream_url` as everywhere (see songs.ts).
  const links = { authenticate, links: services.streamLinks };
  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/artists',
    { schema: { querystring: { type: 'object', properties: pageSchema } } },
    async (request, reply) => {
      const { limit, offset } = request.query;
      const artists = await services.browse.artists({ limit: limit + 1, offset });
      if (artists.length > limit) reply.header('link', `<${nextPage(request.url, offset + limit)}>; rel="next"`);
      return artists.slice(0, limit).map(presentArtist);
    },
  );

  app.get<{ Params: { id: number } }>('/api/artists/:id', { schema: { params: songIdParams } }, async (request) => {
    const detail = await services.browse.artist(request.params.id);
    return presentArtistDetail(detail, await callerStreamUrls(request, links, detail.appears_on.flatMap((a) => a.songs)));
  });

  app.get<{ Querystring: { limit: number; offset: number; sort: AlbumSort; artist?: string } }>(
    '/api/albums',
    { schema: { querystring: albumsQuerySchema } },
    async (request, reply) => {
      const { limit, offset, sort, artist } = request.query;
      const albums = await services.browse.albums({ limit: limit + 1, offset, sort, artist });
      reply.header('x-total-count', String(await services.browse.countAlbums({ artist })));
      if (albums.length > limit) reply.header('link', `<${nextPage(request.url, offset + limit)}>; rel="next"`);
      return albums.slice(0, limit).map(presentAlbum);
    },
  );

  app.get<{ Params: { id: number } }>('/api/albums/:id', { schema: { params: songIdParams } }, async (request) => {
    const detail = await services.browse.album(request.params.id);
    return presentAlbumDetail(detail, await callerStreamUrls(request, links, detail.songs));
  });
}

function nextPage(url: string, offset: number): string {
  const next = new URL(url, 'http://x');
  next.searchParams.set('offset', String(offset));
  return `${next.pathname}${next.search}`;
}
