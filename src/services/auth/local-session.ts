import type { User } from '../../domain/user.js';
import type { LocalConfig } from '../../config/local-config.js';
import { TunesError, isTunesError } from '../../errors.js';
import type { AuthService } from './auth-service.js';

/** The CLI's view of accounts: the auth service plus the token kept in the local config file. */
export interface LocalSession {
  register(username: string, password: string): Promise<User>;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<{ wasLoggedIn: boolean }>;
  currentUser(): Promise<User>;
  /** Who this machine's session belongs to, or undefined when there is none (or it ended). */
  storedUser(): Promise<User | undefined>;
  /** Changes the logged-in user's password; their other sessions end, this machine's stays. */
  changePassword(current: string, next: string): Promise<{ user: User; endedSessions: number }>;
  /** Ends every session of the logged-in user, on every machine and the HTTP API. */
  logoutEverywhere(): Promise<{ user: User; endedSessions: number }>;
}

export function createLocalSession({ auth, config }: { auth: AuthService; config: LocalConfig }): LocalSession {
  return {
    async register(username, password) {
      const { user, token } = await auth.register(username, password);
      await replaceStoredSession(token);
      return user;
    },
    async login(username, password) {
      const { user, token } = await auth.login(username, password);
      await replaceStoredSession(token);
      return user;
    },
    async logout() {
      const token = storedToken();
      if (!token) {
        await config.clearSessionToken(); // an unusable one goes too
        return { wasLoggedIn: false };
      }
      await auth.logout(token);
      await config.clearSessionToken();
      return { wasLoggedIn: true };
    },
    currentUser: () => auth.authenticate(config.getSessionToken()),
    async storedUser() {
      const token = storedToken();
      if (!token) return undefined;
      try {
        return await auth.authenticate(token);
      } catch (error) {
        if (isTunesError(error) && error.code === 'not_logged_in') return undefined;
        throw error;
      }
    },
    changePassword: (current, next) => auth.changePassword(config.getSessionToken(), current, next),
    async logoutEverywhere() {
      const result = await auth.logoutEverywhere(config.getSessionToken());
      await config.clearSessionToken();
      return result;
    },
  };

  /** The stored token, or undefined when there is none or it is unusable (login replaces it). */
  function storedToken(): string | undefined {
    try {
      return config.getSessionToken();
    } catch (error) {
      if (isTunesError(error) && error.code === 'not_logged_in') return undefined;
      throw error;
    }
  }

  /**
   * Logging in as someone else ends the session this machine held before, but only once the new one
   * is saved: when the config cannot be written (a full disk) the new session is ended instead and
   * the old one still works.
   */
  async function replaceStoredSession(token: string): Promise<void> {
    const previous = storedToken();
    try {
      await config.setSessionToken(token);
    } catch (error) {
      await auth.logout(token).catch(() => undefined);
      throw new TunesError('io', `cannot save the session in ${config.path}: ${describeWriteError(error)}`, previous ? 'you are still logged in as before' : undefined);
    }
    if (previous && previous !== token) await auth.logout(previous).catch(() => undefined);
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the device';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
