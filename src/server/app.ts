import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { UnavailableError } from '../errors.js';
import type { Services } from '../services/container.js';
import { systemClock, type Clock } from '../services/clock.js';
import { capConnections, DEFAULT_CONNECTION_LIMITS, fastifyConnectionOptions, type ConnectionLimits } from './connection-limits.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { addHostCheck } from './host-check.js';
import { sendError, toHttpError } from './http-errors.js';
import type { AttemptCounts, SlowDown } from '../services/limits/attempt-counts.js';
import { registerAccountRoutes } from './api/accounts.js';
import { registerAlbumRoutes } from './api/albums.js';
import { registerAppKeyRoutes } from './api/app-keys.js';
import { registerCoverRoutes } from './api/covers.js';
import { registerHealthRoutes } from './api/health.js';
import { registerHistoryRoutes, registerStatsRoutes } from './api/history.js';
import { registerLikeRoutes } from './api/likes.js';
import { registerLyricsRoutes } from './api/lyrics.js';
import { registerPlaylistRoutes } from './api/playlists.js';
import { registerSessionRoutes } from './api/session.js';
import { registerSongRoutes } from './api/songs.js';
import { registerStreamRoutes } from './api/stream.js';
import { createLoginLimiter, DEFAULT_LOGIN_LIMITS, type LoginLimits } from './login-limiter.js';
import { createRegistrationLimiter, DEFAULT_REGISTRATION_LIMIT } from './registration-limiter.js';
import { createAppKeyAuthenticate, createAuthenticate } from './request-auth.js';
import type { Registration, RouteContext } from './route-context.js';
import { addRequestLog, loggedUrl } from './request-log.js';
import { trackRoutes } from './route-list.js';
import { addSecurityHeaders } from './security-headers.js';
import { registerWebApp } from './web-app.js';
import { createTranscoder } from '../services/media/transcoder.js';
import { createRememberedPasswords } from './subsonic/remembered-passwords.js';
import { registerSubsonicRoutes } from './subsonic/router.js';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface ServerOptions {
  /** Where the one line per request goes (stderr from `tunes serve`); nothing when omitted. */
  log?: (line: string) => void;
  loginLimits?: LoginLimits;
  registrationLimit?: SlowDown;
  /** Where the limiters keep their counts (the database's, services.attemptCounts, unless given). */
  attemptCounts?: AttemptCounts;
  clock?: Clock;
  /** The address it listens on (loopback unless given) and further names it answers to: see host-check.ts. */
  bindHost?: string;
  allowedHosts?: readonly string[];
  /**
   * Addresses of reverse proxies (IPs, CIDRs, or `loopback`) whose X-Forwarded-For / -Host to
   * believe, so limits count the real client and the Host check sees the name it asked for.
   */
  trustProxy?: readonly string[];
  /** Whether POST /api/register creates accounts ('open') or answers 403 ('closed', the default). */
  registration?: Registration;
  connectionLimits?: Partial<ConnectionLimits>;
  /** The built web player to serve at `/` (dist/web unless given). */
  webDir?: string;
  /** The Subsonic API's transcoding: the ffmpeg to run (`ffmpeg` on PATH by default) and how many at once. */
  transcoding?: { ffmpeg?: string | undefined; maxConcurrent?: number | undefined };
}

/** The HTTP API as a Fastify instance, not yet listening: tests and `tunes serve` both start it. */
export function buildServer(services: Services, options: ServerOptions = {}): FastifyInstance {
  const { log, clock = systemClock, loginLimits = DEFAULT_LOGIN_LIMITS, registrationLimit = DEFAULT_REGISTRATION_LIMIT } = options;
  const attemptCounts = options.attemptCounts ?? services.attemptCounts;
  const connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const app = Fastify({
    logger: false,
    ...fastifyConnectionOptions(connectionLimits),
    frameworkErrors,
    clientErrorHandler,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Finish requests in flight on close, drop idle keep-alive connections.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Query strings arrive as text and need coercing to numbers, but not Fastify's default 'array'
    // mode, which would quietly turn a body's ["alice"] into "alice".
    ajv: { customOptions: { coerceTypes: true } },
  });

  capConnections(app.server, connectionLimits);
  trackRoutes(app);

  // JSON only: without a text/plain parser any other body type is answered 415.
  app.removeContentTypeParser('text/plain');
  addSecurityHeaders(app);
  addHostCheck(app, { bindHost: options.bindHost ?? '127.0.0.1', allowedHosts: options.allowedHosts ?? [] });

  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
    // "Busy, try again" needs no stack; anything else at 5xx is for the owner to look into.
    if (http.status >= 500 && !(error instanceof UnavailableError)) log?.(`error ${request.method} ${loggedUrl(request)}: ${describe(error)}`);
    return sendError(reply, http);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, { status: 404, code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  // Node 20 keeps a keep-alive connection open when its response ends after close() began, which
  // would hold shutdown until the keep-alive timeout; end such connections once their response is out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onResponse', async (request) => {
    if (closing) request.raw.socket.end();
  });

  if (log) addRequestLog(app, log);

  const loginLimiter = createLoginLimiter(clock, loginLimits, attemptCounts);
  const authenticate = createAuthenticate(services.auth);
  const context: RouteContext = {
    services,
    authenticate,
    authenticateAppKey: createAppKeyAuthenticate(authenticate, services.appKeys),
    loginLimiter,
    registrationLimiter: createRegistrationLimiter(clock, registrationLimit, attemptCounts),
    registration: options.registration ?? 'closed',
    clock,
  };
  // Parses the web player's session cookie (web-session.ts); nothing is signed with it.
  void app.register(fastifyCookie);
  registerHealthRoutes(app);
  registerAccountRoutes(app, context);
  registerSessionRoutes(app, context);
  registerSongRoutes(app, context);
  registerAlbumRoutes(app, context);
  registerCoverRoutes(app, context);
  registerStreamRoutes(app, context);
  registerPlaylistRoutes(app, context);
  registerLikeRoutes(app, context);
  registerLyricsRoutes(app, context);
  registerHistoryRoutes(app, context);
  registerStatsRoutes(app, context);
  registerAppKeyRoutes(app, context);
  const transcoder = createTranscoder({ ffmpeg: options.transcoding?.ffmpeg, maxConcurrent: options.transcoding?.maxConcurrent });
  app.addHook('onClose', async () => transcoder.close());
  registerSubsonicRoutes(app, {
    services,
    loginLimiter,
    remembered: createRememberedPasswords(() => clock.now().getTime()),
    transcoder,
    clock,
    log,
  });
  void app.register(async (web) => registerWebApp(web, options.webDir));
  return app;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
