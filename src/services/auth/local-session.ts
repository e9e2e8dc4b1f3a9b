import type { User } from '../../domain/user.js';
import type { LocalConfig } from '../../config/local-config.js';
import type { AuthService } from './auth-service.js';

/** The CLI's view of accounts: the auth service plus the token kept in the local config file. */
export interface LocalSession {
  register(username: string, password: string): Promise<User>;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<{ wasLoggedIn: boolean }>;
  currentUser(): Promise<User>;
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
  };

  // Logging in as someone else ends the session this machine held before.
  async function replaceStoredSession(token: string): Promise<void> {
    const previous = config.getSessionToken();
    if (previous) await auth.logout(previous);
    config.setSessionToken(token);
  }
}
