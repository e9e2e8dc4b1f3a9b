import type { Kysely } from 'kysely';
import { TunesError, isUniqueViolation } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { User } from '../../domain/user.js';
import * as sessions from '../../db/repositories/sessions.js';
import * as users from '../../db/repositories/users.js';
import type { Clock } from '../clock.js';
import { validatePassword, validateUsername } from './account-rules.js';
import { DEFAULT_SCRYPT_PARAMS, hashParams, hashPassword, verifyPassword, type ScryptParams } from './password-hash.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const INVALID_CREDENTIALS = 'invalid username or password';

export interface AuthResult {
  user: User;
  /** Give to the client; never stored in clear. */
  token: string;
}

export interface AuthService {
  register(username: string, password: string): Promise<AuthResult>;
  /**
   * Creates the account without starting a session (the HTTP API's register answers without a
   * token). `remote` accounts never become admin: whoever reaches the server first must not own it.
   */
  createAccount(username: string, password: string, options?: { remote?: boolean }): Promise<User>;
  login(username: string, password: string): Promise<AuthResult>;
  logout(token: string): Promise<void>;
  /** The user a token belongs to, renewing its expiry; throws not_logged_in when missing, expired or revoked. */
  authenticate(token: string | undefined): Promise<User>;
}

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Only tests lower this; every shipped edge uses the default. */
  scryptParams?: ScryptParams;
}

export function createAuthService({ db, clock, scryptParams = DEFAULT_SCRYPT_PARAMS }: AuthDeps): AuthService {
  // Verified against when the username does not exist, so both failures cost one scrypt.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword('not a real password', scryptParams));

  async function startSession(user: User): Promise<AuthResult> {
    const token = newSessionToken();
    const now = clock.now();
    await sessions.insertSession(db, {
      userId: user.id,
      tokenHash: hashSessionToken(token),
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    });
    return { user, token };
  }

  async function createAccount(username: string, password: string, { remote = false } = {}): Promise<User> {
    validateUsername(username);
    validatePassword(password);
    const passwordHash = await hashPassword(password, scryptParams);
    try {
      return await users.insertUser(db, username, passwordHash, clock.now().toISOString(), { mayBeAdmin: !remote });
    } catch (error) {
      if (isUniqueViolation(error)) throw new TunesError('conflict', `username "${username}" is taken`);
      throw error;
    }
  }

  return {
    createAccount,
    async register(username, password) {
      return startSession(await createAccount(username, password));
    },

    async login(username, password) {
      const found = await users.findCredentials(db, username);
      if (!found) {
        await verifyPassword(password, await dummy());
        throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      }
      if (!(await verifyPassword(password, found.passwordHash))) {
        throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      }
      if (isWeakerThan(hashParams(found.passwordHash), scryptParams)) {
        await users.updatePasswordHash(db, found.user.id, await hashPassword(password, scryptParams));
      }
      await sessions.deleteExpiredSessions(db, clock.now().toISOString());
      return startSession(found.user);
    },

    async logout(token) {
      await sessions.deleteSessionByTokenHash(db, hashSessionToken(token));
    },

    async authenticate(token) {
      if (!token) throw notLoggedIn();
      const session = await sessions.findSessionByTokenHash(db, hashSessionToken(token));
      const now = clock.now();
      if (!session || session.expires_at <= now.toISOString()) throw notLoggedIn();
      const user = await users.findUserById(db, session.user_id);
      if (!user) throw notLoggedIn();
      await sessions.touchSession(
        db,
        session.id,
        now.toISOString(),
        new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      );
      return user;
    },
  };
}

function notLoggedIn(): TunesError {
  return new TunesError('not_logged_in', 'not logged in', 'run `tunes login` (or `tunes register` to create an account)');
}

function isWeakerThan(stored: ScryptParams | undefined, wanted: ScryptParams): boolean {
  return stored !== undefined && (stored.logN < wanted.logN || stored.r < wanted.r || stored.p < wanted.p);
}
