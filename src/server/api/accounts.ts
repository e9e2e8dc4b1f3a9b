import type { FastifyInstance, FastifyReply } from 'fastify';
import { isTunesError, UnavailableError } from '../../errors.js';
import { sendError } from '../http-errors.js';
import type { LoginOutcome } from '../login-limiter.js';
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

export function registerAccountRoutes(app: FastifyInstance, context: RouteContext): void {
  const { services, authenticate, loginLimiter, registrationLimiter } = context;
  app.post<{ Body: Credentials }>('/api/register', { schema: credentialsSchema }, async (request, reply) => {
    const { username, password } = request.body;
    // The cheap checks first: a bad or taken name costs neither a hash nor the address's allowance.
    await services.auth.checkNewAccount(username, password);
    const wait = await registrationLimiter.begin(request.ip);
    if (wait > 0) return tooMany(reply, wait, 'too many new accounts from this address; try again later');
    try {
      const user = await services.auth.createAccount(username, password, { remote: true });
      return reply.code(201).send(presentUser(user));
    } catch (error) {
      if (error instanceof UnavailableError) await registrationLimiter.notCounted(request.ip);
      throw error;
    }
  });

  app.post<{ Body: Credentials }>('/api/login', { schema: credentialsSchema }, async (request, reply) => {
    const { username, password } = request.body;
    // Counted as a failure before the (slow) password check, so guesses sent all at once cannot
    // all pass it; settled once the answer is known.
    const wait = await loginLimiter.begin(username, request.ip);
    if (wait > 0) return tooMany(reply, wait, 'too many failed logins; try again later');
    let outcome: LoginOutcome = 'not_counted';
    try {
      const { token, user } = await services.auth.login(username, password);
      outcome = 'succeeded';
      return { token, user: presentUser(user) };
    } catch (error) {
      if (isTunesError(error) && error.code === 'auth_failed') outcome = 'failed';
      throw error;
    } finally {
      await loginLimiter.settle(username, request.ip, outcome);
    }
  });

  app.post('/api/logout', async (request, reply) => {
    await authenticate(request);
    // authenticate() succeeded, so the token is present.
    await services.auth.logout(bearerToken(request) ?? '');
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => presentUser(await authenticate(request)));
}

function tooMany(reply: FastifyReply, retryAfterSeconds: number, message: string): FastifyReply {
  return sendError(reply, { status: 429, code: 'rate_limited', message, retryAfterSeconds });
}
