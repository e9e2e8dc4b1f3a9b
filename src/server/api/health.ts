import type { FastifyInstance } from 'fastify';

/** A constant answer: the framework's own ceiling in the bench, and a liveness probe. */
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/health', async () => ({ status: 'ok' }));
}
