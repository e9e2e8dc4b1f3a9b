import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect/errors.js';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { User } from '../../domain/user.js';
import * as sessions from '../../db/repositories/sessions.js';
import * as users from '../../db/repositories/users.js';
import type { Clock } from '../clock.js';
import { validatePassword, validateUsername } from './account-rules.js';
import { createHashQueue, type HashQueue } from './hash-queue.js';
import { DEFAULT_SCRYPT_PARAMS, hashParams, hashPassword, verifyPassword, type ScryptParams } from './password-hash.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { writeTransaction } from '../../db/write-transaction.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * A session's "last used" time (and its sliding expiry) is written at most this often: a request
 * that only reads must not need the write lock each time.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
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
  createAccount(username: string, password: string, options?: { remote?: boolean; role?: 'admin' | 'user' }): Promise<User>;
  /**
   * The checks createAccount makes before it hashes (username and password rules, the name not
   * taken), so an edge can refuse cheaply before it spends a rate limit or a hash on the request.
   */
  checkNewAccount(username: string, password: string): Promise<void>;
  login(username: string, password: string): Promise<AuthResult>;
  /** The user whose password this is (auth_failed otherwise), without starting a session (Subsonic's u + p). */
  checkPassword(username: string, password: string): Promise<User>;
  logout(token: string): Promise<void>;
  /**
   * The user a token belongs to, renewing its expiry (at most once a minute, and never failing
   * because that write cannot happen); throws not_logged_in when missing, expired or revoked.
   */
  authenticate(token: string | undefined): Promise<User>;
  /**
   * The token's user changes their password, proving the current one (auth_failed otherwise). Every
   * other session of theirs ends; the one holding `token` stays.
   */
  changePassword(token: string | undefined, current: string, next: string): Promise<{ user: User; endedSessions: number }>;
  /** Sets a password without the current one (an admin's reset) and ends every session of that user. */
  replacePassword(userId: number, next: string): Promise<{ endedSessions: number }>;
  /** Ends every session of the token's user, this one included; returns how many ended. */
  logoutEverywhere(token: string | undefined): Promise<{ user: User; endedSessions: number }>;
  /** Whether any account exists (a brand-new install offers to create one first). */
  hasAccounts(): Promise<boolean>;
}

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Only tests lower this; every shipped edge uses the default. */
  scryptParams?: ScryptParams;
  /** Bounds concurrent hashes (memory, CPU); one per service by default. */
  hashQueue?: HashQueue;
}

export function createAuthService({ db, clock, scryptParams = DEFAULT_SCRYPT_PARAMS, hashQueue = createHashQueue() }: AuthDeps): AuthService {
  // Verified against when the username does not exist, so both failures cost one scrypt.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword('not a real password', scryptParams));
  const verify = (password: string, encoded: string) => hashQueue.run('login', () => verifyPassword(password, encoded));

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

  async function checkNewAccount(username: string, password: string): Promise<void> {
    validateUsername(username);
    validatePassword(password);
    if (await users.findUserByName(db, username)) throw taken(username);
  }

  async function createAccount(
    username: string,
    password: string,
    { remote = false, role }: { remote?: boolean; role?: 'admin' | 'user' } = {},
  ): Promise<User> {
    await checkNewAccount(username, password);
    const passwordHash = await hashQueue.run('register', () => hashPassword(password, scryptParams));
    try {
      const options = { mayBeAdmin: !remote, ...(role ? { role } : {}) };
      return await users.insertUser(db, username, passwordHash, clock.now().toISOString(), options);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken(username);
      throw error;
    }
  }

  async function authenticate(token: string | undefined): Promise<User> {
    if (!token) throw notLoggedIn();
    const session = await sessions.findSessionByTokenHash(db, hashSessionToken(token));
    const now = clock.now();
    if (!session || session.expires_at <= now.toISOString()) throw notLoggedIn();
    const user = await users.findUserById(db, session.user_id);
    if (!user) throw notLoggedIn();
    if (!(now.getTime() - Date.parse(session.last_used_at) < SESSION_TOUCH_INTERVAL_MS)) {
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
      try {
        await sessions.touchSessionWithoutWaiting(db, session.id, now.toISOString(), expiresAt);
      } catch {
        // Locked by another writer, read-only or full: the caller is who they are either way,
        // and a later request renews the session.
      }
    }
    return user;
  }

  /** Stores the new hash and ends the user's sessions (all, or all but one) in one transaction. */
  async function storePassword(userId: number, next: string, keepTokenHash?: string): Promise<number> {
    validatePassword(next);
    const passwordHash = await hashQueue.run('register', () => hashPassword(next, scryptParams));
    return writeTransaction(db, async (trx) => {
      await users.updatePasswordHash(trx, userId, passwordHash);
      return sessions.deleteSessionsOfUser(trx, userId, keepTokenHash === undefined ? {} : { keepTokenHash });
    });
  }

  return {
    createAccount,
    checkNewAccount,
    async register(username, password) {
      return startSession(await createAccount(username, password));
    },

    async checkPassword(username, password) {
      const found = await users.findCredentials(db, username);
      if (!found) {
        await verify(password, await dummy());
        throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      }
      if (!(await verify(password, found.passwordHash))) throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      return found.user;
    },

    async login(username, password) {
      const found = await users.findCredentials(db, username);
      if (!found) {
        await verify(password, await dummy());
        throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      }
      if (!(await verify(password, found.passwordHash))) {
        throw new TunesError('auth_failed', INVALID_CREDENTIALS);
      }
      if (isWeakerThan(hashParams(found.passwordHash), scryptParams)) {
        const stronger = await hashQueue.run('login', () => hashPassword(password, scryptParams));
        await users.updatePasswordHash(db, found.user.id, stronger);
      }
      await sessions.deleteExpiredSessions(db, clock.now().toISOString());
      return startSession(found.user);
    },

    async logout(token) {
      await sessions.deleteSessionByTokenHash(db, hashSessionToken(token));
    },

    authenticate,

    hasAccounts: () => users.anyUserExists(db),

    async changePassword(token, current, next) {
      const user = await authenticate(token);
      const found = await users.findCredentials(db, user.username);
      if (!found || !(await verify(current, found.passwordHash))) {
        throw new TunesError('auth_failed', 'the current password is wrong');
      }
      validatePassword(next);
      return { user, endedSessions: await storePassword(user.id, next, hashSessionToken(token ?? '')) };
    },

    async replacePassword(userId, next) {
      return { endedSessions: await storePassword(userId, next) };
    },

    async logoutEverywhere(token) {
      const user = await authenticate(token);
      return { user, endedSessions: await sessions.deleteSessionsOfUser(db, user.id) };
    },
  };
}

function taken(username: string): TunesError {
  return new TunesError('conflict', `username "${username}" is taken`);
}

function notLoggedIn(): TunesError {
  return new TunesError('not_logged_in', 'not logged in', 'run `tunes login` (or `tunes register` to create an account)');
}

function isWeakerThan(stored: ScryptParams | undefined, wanted: ScryptParams): boolean {
  return stored !== undefined && (stored.logN < wanted.logN || stored.r < wanted.r || stored.p < wanted.p);
}
