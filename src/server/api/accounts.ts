import type { FastifyInstance } from 'fastify';
import { sendError } from '../http-errors.js';
import { bearerToken } from '../request-auth.js';
import type { RouteContext } from '../route-context.js';
import { presentUser } from './present/user.js';

interface Credentials {
  username: string;
  password: string;
}

const credentialsSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    properties: { username: { type: 'string' }, password: { type: 'string' } },
  },
} as const;

export function registerAccountRoutes(app: FastifyInstance, { services, authenticate, loginLimiter }: RouteContext): void {
  app.post<{ Body: Credentials }>('/api/register', { schema: credentialsSchema }, async (request, reply) => {
    const user = await services.auth.createAccount(request.body.username, request.body.password, { remote: true });
    return reply.code(201).send(presentUser(user));
  });

  app.post<{ Body: Credentials }>('/api/login', { schema: credentialsSchema }, async (request, reply) => {
    const { username, password } = request.body;
    const retryAfter = loginLimiter.retryAfterSeconds(username, request.ip);
    if (retryAfter > 0) {
      reply.header('retry-after', String(retryAfter));
      return sendError(reply, { status: 429, code: 'rate_limited', message: 'too many failed logins; try again later' });
    }
    // Counted as a failure before the (slow) password check, so guesses sent all at once cannot
    // all pass the check above; a success wipes the count.
    loginLimiter.recordFailure(username, request.ip);
    const { token, user } = await services.auth.login(username, password);
    loginLimiter.recordSuccess(username, request.ip);
    return { token, user: presentUser(user) };
  });

  app.post('/api/logout', async (request, reply) => {
    await authenticate(request);
    // authenticate() succeeded, so the token is present.
    await services.auth.logout(bearerToken(request) ?? '');
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => presentUser(await authenticate(request)));
}
