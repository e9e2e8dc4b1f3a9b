import type { FastifyInstance } from 'fastify';
import { TunesError } from '../../errors.js';
import type { RouteContext } from '../route-context.js';
import { presentAppKey, presentCreatedAppKey } from './present/app-key.js';

const createSchema = {
  body: {
    anyOf: [
      { type: 'object', properties: { name: { type: 'string', maxLength: 64 } }, additionalProperties: false },
      { type: 'null' },
    ],
  },
} as const;

const nameParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** The caller's app keys (Subsonic clients' passwords): made here, shown once, listed without the key. */
export function registerAppKeyRoutes(app: FastifyInstance, { services, authenticate, authenticateAppKey }: RouteContext): void {
  app.post<{ Body: { name?: string } | null }>('/api/me/apikeys', { schema: createSchema }, async (request, reply) => {
    const user = await authenticate(request);
    const created = await services.appKeys.create(user.id, request.body?.name);
    return reply.code(201).header('cache-control', 'no-store').send(presentCreatedAppKey(created));
  });
  app.get('/api/me/apikeys', async (request) => {
    const user = await authenticate(request);
    return (await services.appKeys.list(user.id)).map(presentAppKey);
  });
  // The key this request is made with, ended by itself (`tunes logout` on a remote tunes library).
  app.delete('/api/me/apikey', async (request) => {
    const { appKey } = await authenticateAppKey(request);
    if (appKey === undefined) throw new TunesError('invalid_input', 'send the app key to end as Authorization: Bearer <key>');
    return presentAppKey(await services.appKeys.revokeKey(appKey));
  });
  app.delete<{ Params: { name: string } }>('/api/me/apikeys/:name', { schema: { params: nameParams } }, async (request) => {
    const user = await authenticate(request);
    return presentAppKey(await services.appKeys.revoke(user.id, request.params.name));
  });
}
