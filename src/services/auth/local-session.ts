import type { User } from '../../domain/user.js';
import type { LocalConfig } from '../../config/local-config.js';
import { isTunesError } from '../../errors.js';
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
      const token = config.getSessionToken();
      if (!token) return { wasLoggedIn: false };
      await auth.logout(token);
      config.clearSessionToken();
      return { wasLoggedIn: true };
    },
    currentUser: () => auth.authenticate(config.getSessionToken()),
    async storedUser() {
      const token = config.getSessionToken();
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
      config.clearSessionToken();
      return result;
    },
  };

  // Logging in as someone else ends the session this machine held before.
  async function replaceStoredSession(token: string): Promise<void> {
    const previous = config.getSessionToken();
    if (previous) await auth.logout(previous);
    config.setSessionToken(token);
  }
}
