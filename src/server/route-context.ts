import type { Clock } from '../services/clock.js';
import type { Services } from '../services/container.js';
import type { LoginLimiter } from './login-limiter.js';
import type { RegistrationLimiter } from './registration-limiter.js';
import type { AppKeyAuthenticate, Authenticate } from './request-auth.js';

/** What every route file under api/ gets from app.ts (which imports them: routes never import app.ts). */
export interface RouteContext {
  services: Services;
  authenticate: Authenticate;
  /** `authenticate`, or an app key as the bearer: only for routes a remote tunes client calls with its key. */
  authenticateAppKey: AppKeyAuthenticate;
  loginLimiter: LoginLimiter;
  registrationLimiter: RegistrationLimiter;
  /** Whether POST /api/register creates accounts ('open') or answers 403 ('closed'). */
  registration: Registration;
  clock: Clock;
}

export type Registration = 'open' | 'closed';
