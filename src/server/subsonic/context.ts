import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../domain/user.js';
import type { Services } from '../../services/container.js';
import type { Clock } from '../../services/clock.js';
import type { LoginLimiter } from '../login-limiter.js';
import type { SubsonicFormat, SubsonicObject } from './envelope.js';
import type { SubsonicParams } from './params.js';
import type { RememberedPasswords } from './remembered-passwords.js';
import type { Transcoder } from '../../services/media/transcoder.js';

/** What every endpoint file under subsonic/ gets from the router (which imports them). */
export interface SubsonicContext {
  services: Services;
  loginLimiter: LoginLimiter;
  remembered: RememberedPasswords;
  transcoder: Transcoder;
  clock: Clock;
  log?: ((line: string) => void) | undefined;
}

/** One authenticated call. */
export interface SubsonicCall {
  user: User;
  params: SubsonicParams;
  request: FastifyRequest;
  reply: FastifyReply;
  format: SubsonicFormat;
}

/**
 * An endpoint answers an object for the envelope, or SENT when it wrote the reply itself (audio,
 * images).
 */
export const SENT = Symbol('sent');
export type Handler = (call: SubsonicCall) => Promise<SubsonicObject | typeof SENT>;

export interface Endpoint {
  name: string;
  handler: Handler;
  /**
   * Its answer may be kept and sent again while the database is unchanged (reply-cache.ts): true
   * for calls whose answer depends only on the user, the parameters and the database.
   */
  cacheable?: (params: SubsonicParams) => boolean;
  /** Only admins may call it (error 50 for others). */
  admin?: boolean;
}
