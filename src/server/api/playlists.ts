import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_RECORD_ID } from '../../services/record-id.js';
import type { User } from '../../domain/user.js';
import { TunesError } from '../../errors.js';
import type { RouteContext } from '../route-context.js';
import { streamUrls } from '../stream-urls.js';
import { presentPlaylist, presentPlaylistDetail, presentPlaylistEntry } from './present/playlist.js';

const id = { type: 'integer', minimum: 1, maximum: MAX_RECORD_ID } as const;
// The seed sent the owner in the body; it is accepted, checked against the token, and never used.
const userId = { type: 'integer' } as const;

const playlistParams = { type: 'object', required: ['id'], properties: { id } } as const;
const positionParams = { type: 'object', required: ['id', 'position'], properties: { id, position: id } } as const;

interface CreateBody {
  user_id?: number;
  name: string;
  description?: string;
  /** A smart playlist (the rule language of the README); `sort` and `limit` only with it. */
  rules?: string;
  sort?: string;
  limit?: number;
}

const smartProperties = { rules: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'integer', minimum: 1 } } as const;

const rulesSchema = {
  params: playlistParams,
  body: { type: 'object', required: ['rules'], properties: { user_id: userId, ...smartProperties } },
} as const;

const createSchema = {
  body: {
    type: 'object',
    required: ['name'],
    properties: { user_id: userId, name: { type: 'string' }, description: { type: 'string' }, ...smartProperties },
  },
} as const;

const updateSchema = {
  params: playlistParams,
  body: {
    type: 'object',
    minProperties: 1,
    anyOf: [{ required: ['name'] }, { required: ['description'] }],
    properties: { user_id: userId, name: { type: 'string' }, description: { type: ['string', 'null'] } },
  },
} as const;

const addSongSchema = {
  params: playlistParams,
  // `position` (1 .. length + 1) inserts there, like the CLI's --at; without it the song is appended.
  body: { type: 'object', required: ['song_id'], properties: { user_id: userId, song_id: id, position: id } },
} as const;

const moveSchema = {
  params: playlistParams,
  body: { type: 'object', required: ['from', 'to'], properties: { user_id: userId, from: id, to: id } },
} as const;

type Params = { id: number };

/** A user's playlists; another user's playlist answers 404 everywhere, exactly like a missing one. */
export function registerPlaylistRoutes(app: FastifyInstance, { services, authenticate }: RouteContext): void {
  const { playlists } = services;

  /** The caller, refusing a body that claims to act for someone else. */
  async function caller(request: FastifyRequest): Promise<User> {
    const user = await authenticate(request);
    const body = request.body as { user_id?: number } | undefined;
    if (body?.user_id !== undefined && body.user_id !== user.id) {
      throw new TunesError('forbidden', 'user_id does not match the logged-in user');
    }
    return user;
  }

  app.post<{ Body: CreateBody }>('/api/playlists', { schema: createSchema }, async (request, reply) => {
    const user = await caller(request);
    const { name, description, rules, sort, limit } = request.body;
    if (rules === undefined && (sort !== undefined || limit !== undefined)) throw new TunesError('invalid_input', 'sort and limit are for smart playlists: send rules too');
    const created = await playlists.create(user.id, name, {
      ...(description === undefined ? {} : { description }),
      ...(rules === undefined ? {} : { rules }),
      ...(sort === undefined ? {} : { sort }),
      ...(limit === undefined ? {} : { limit }),
    });
    return reply.code(201).send(presentPlaylist(created));
  });

  /** A smart playlist's rules (or an empty playlist made smart). */
  app.put<{ Params: Params; Body: { rules: string; sort?: string; limit?: number } }>('/api/playlists/:id/rules', { schema: rulesSchema }, async (request) => {
    const user = await caller(request);
    const { rules, sort, limit } = request.body;
    return presentPlaylist(await playlists.setRules(user.id, { id: request.params.id }, { rules, ...(sort === undefined ? {} : { sort }), ...(limit === undefined ? {} : { limit }) }));
  });

  app.get<{ Querystring: { built_ins?: boolean } }>('/api/playlists', { schema: { querystring: { type: 'object', properties: { built_ins: { type: 'boolean' } } } } }, async (request) => {
    const user = await caller(request);
    return (await playlists.list(user.id, { builtIns: request.query.built_ins !== false })).map(presentPlaylist);
  });

  app.get<{ Params: Params }>('/api/playlists/:id', { schema: { params: playlistParams } }, async (request) => {
    const user = await caller(request);
    const detail = await playlists.show(user.id, { id: request.params.id });
    return presentPlaylistDetail(detail, await streamUrls(request, services.streamLinks, user.id, detail.entries.map((e) => e.song)));
  });

  app.patch<{ Params: Params; Body: { name?: string; description?: string | null } }>('/api/playlists/:id', { schema: updateSchema }, async (request) => {
    const user = await caller(request);
    const { name, description } = request.body;
    const changes = { ...(name === undefined ? {} : { name }), ...(description === undefined ? {} : { description }) };
    return presentPlaylist(await playlists.update(user.id, { id: request.params.id }, changes));
  });

  app.delete<{ Params: Params }>('/api/playlists/:id', { schema: { params: playlistParams } }, async (request, reply) => {
    const user = await caller(request);
    await playlists.delete(user.id, { id: request.params.id });
    return reply.code(204).send();
  });

  app.post<{ Params: Params; Body: { song_id: number; position?: number } }>(
    '/api/playlists/:id/songs',
    { schema: addSongSchema },
    async (request, reply) => {
      const user = await caller(request);
      const ref = { id: request.params.id };
      const { position: at } = request.body;
      const { added } = await playlists.addSongs(user.id, ref, [request.body.song_id], at === undefined ? {} : { at });
      const position = added[0]?.position;
      if (position === undefined) throw new TunesError('internal', 'adding a song reported no position');
      return reply.code(201).send({ playlist_id: request.params.id, position, song_id: request.body.song_id });
    },
  );

  app.delete<{ Params: Params & { position: number } }>(
    '/api/playlists/:id/songs/:position',
    { schema: { params: positionParams } },
    async (request, reply) => {
      const user = await caller(request);
      await playlists.removePositions(user.id, { id: request.params.id }, [request.params.position]);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: Params; Body: { from: number; to: number } }>(
    '/api/playlists/:id/songs/move',
    { schema: moveSchema },
    async (request) => {
      const user = await caller(request);
      const { entry } = await playlists.move(user.id, { id: request.params.id }, request.body.from, request.body.to);
      return presentPlaylistEntry(entry);
    },
  );
}
