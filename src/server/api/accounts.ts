import type { FastifyInstance, FastifyReply } from 'fastify';
import { isTunesError, UnavailableError } from '../../errors.js';
import { sendError } from '../http-errors.js';
import type { User } from '../../domain/user.js';
import type { LoginOutcome } from '../login-limiter.js';
import { sessionToken } from '../request-auth.js';
import type { RouteContext } from '../route-context.js';
import { presentUser } from './present/user.js';

export interface Credentials {
  username: string;
  password: string;
}

export const credentialsSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    properties: { username: { type: 'string' }, password: { type: 'string' } },
  },
} as const;

const passwordChangeSchema = {
  body: {
    type: 'object',
    required: ['current_password', 'new_password'],
    properties: { current_password: { type: 'string' }, new_password: { type: 'string' } },
  },
} as const;

export function registerAccountRoutes(app: FastifyInstance, context: RouteContext): void {
  const { services, authenticate, loginLimiter, registrationLimiter, registration } = context;
  app.post<{ Body: Credentials }>('/api/register', { schema: credentialsSchema }, async (request, reply) => {
    if (registration === 'closed') {
      return sendError(reply, { status: 403, code: 'forbidden', message: 'registration is closed on this server: ask its admin for an account' });
    }
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
    const result = await limitedLogin(context, request.body, request.ip, reply);
    return 'token' in result ? { token: result.token, user: presentUser(result.user) } : result;
  });

  app.post('/api/logout', async (request, reply) => {
    await authenticate(request);
    // authenticate() succeeded, so the token is present.
    await services.auth.logout(sessionToken(request) ?? '');
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => presentUser(await authenticate(request)));

  // Changing the password proves the current one; every other session of the user ends, this token
  // stays. Wrong guesses count like failed logins, so a stolen token cannot be used to try passwords.
  app.put<{ Body: { current_password: string; new_password: string } }>('/api/me/password', { schema: passwordChangeSchema }, async (request, reply) => {
    const user = await authenticate(request);
    const wait = await loginLimiter.begin(user.username, request.ip);
    if (wait > 0) return tooMany(reply, wait, 'too many wrong passwords; try again later');
    let outcome: LoginOutcome = 'not_counted';
    try {
      const { endedSessions } = await services.auth.changePassword(sessionToken(request), request.body.current_password, request.body.new_password);
      outcome = 'succeeded';
      return { ended_sessions: endedSessions };
    } catch (error) {
      // 403, not 401: the token is fine (a 401 would make clients drop it); the proof was not.
      if (isTunesError(error) && error.code === 'auth_failed') {
        outcome = 'failed';
        return sendError(reply, { status: 403, code: 'forbidden', message: error.message });
      }
      // A new password that breaks the rules: the current one was right.
      if (isTunesError(error) && error.code === 'invalid_input') outcome = 'succeeded';
      throw error;
    } finally {
      await loginLimiter.settle(user.username, request.ip, outcome);
    }
  });
}

/**
 * A password login behind the login limiter: the session (token and user), or the 429 reply sent.
 * Counted as a failure before the (slow) password check, so guesses sent all at once cannot all
 * pass it; settled once the answer is known.
 */
export async function limitedLogin(
  { services, loginLimiter }: RouteContext,
  { username, password }: Credentials,
  ip: string,
  reply: FastifyReply,
): Promise<{ token: string; user: User } | FastifyReply> {
  const wait = await loginLimiter.begin(username, ip);
  if (wait > 0) return tooMany(reply, wait, 'too many failed logins; try again later');
  let outcome: LoginOutcome = 'not_counted';
  try {
    const session = await services.auth.login(username, password);
    outcome = 'succeeded';
    return session;
  } catch (error) {
    if (isTunesError(error) && error.code === 'auth_failed') outcome = 'failed';
    throw error;
  } finally {
    await loginLimiter.settle(username, ip, outcome);
  }
}

function tooMany(reply: FastifyReply, retryAfterSeconds: number, message: string): FastifyReply {
  return sendError(reply, { status: 429, code: 'rate_limited', message, retryAfterSeconds });
}
