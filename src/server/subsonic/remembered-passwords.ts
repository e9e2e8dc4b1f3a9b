import { createHmac, randomBytes } from 'node:crypto';
import type { User } from '../../domain/user.js';

/** How long a password that passed scrypt is taken on trust again (clients send it with every request). */
export const REMEMBER_PASSWORD_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 10_000;

/**
 * Passwords that passed scrypt lately, kept as an HMAC under a key made at start-up and never
 * written anywhere: the map holds no password and nothing that could be checked offline without
 * this process's memory. A changed password is noticed within REMEMBER_PASSWORD_MS at most, and
 * `forget` drops a user at once.
 */
export function createRememberedPasswords(now: () => number) {
  const key = randomBytes(32);
  const entries = new Map<string, { user: User; until: number }>();
  const digest = (username: string, password: string) =>
    createHmac('sha256', key).update(username.normalize('NFC').toLowerCase()).update('\0').update(password).digest('base64');

  return {
    recall(username: string, password: string): User | undefined {
      const id = digest(username, password);
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.user;
      entries.delete(id);
      return undefined;
    },
    remember(username: string, password: string, user: User): void {
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(digest(username, password), { user, until: now() + REMEMBER_PASSWORD_MS });
    },
  };
}

export type RememberedPasswords = ReturnType<typeof createRememberedPasswords>;
