import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { sessionToken } from '../request-auth.js';
import { clearSessionCookie, csrfTokenFor, sessionCookie, setSessionCookie } from '../web-session.js';
import { credentialsSchema, limitedLogin, type Credentials } from './accounts.js';
import { presentUser } from './present/user.js';

/**
 * The web player's cookie session (web-session.ts). POST logs in like /api/login but keeps the token
 * in an HttpOnly cookie and answers the CSRF token writes must send; GET tells a reloaded page who
 * it is (and the CSRF token again); DELETE logs out and clears the cookie.
 */
export function registerSessionRoutes(app: FastifyInstance, context: RouteContext): void {
  const { services, authenticate, registration } = context;
  // The login page asks before offering "Create account" (no account needed to ask).
  app.get('/api/registration', async () => ({ registration }));

  app.post<{ Body: Credentials }>('/api/session', { schema: credentialsSchema }, async (request, reply) => {
    const result = await limitedLogin(context, request.body, request.ip, reply);
    if (!('token' in result)) return result;
    setSessionCookie(request, reply, result.token);
    return { user: presentUser(result.user), csrf_token: csrfTokenFor(result.token) };
  });

  app.get('/api/session', async (request) => {
    const user = await authenticate(request);
    const token = sessionToken(request) ?? '';
    return { user: presentUser(user), csrf_token: csrfTokenFor(token) };
  });

  app.delete('/api/session', async (request, reply) => {
    if (sessionCookie(request) !== undefined) {
      await authenticate(request);
      await services.auth.logout(sessionCookie(request) ?? '');
    }
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
