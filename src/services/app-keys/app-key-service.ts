import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as appKeys from '../../db/repositories/app-keys.js';
import type { Database } from '../../db/schema.js';
import type { AppKey, CreatedAppKey } from '../../domain/app-key.js';
import type { User } from '../../domain/user.js';
import { isUniqueViolation } from '../../db/dialect/errors.js';
import { TunesError } from '../../errors.js';
import type { Clock } from '../clock.js';
import { appKeyHash, newAppKey, openAppKey, sealAppKey } from './sealed-key.js';

/** last_used_at is written at most this often per key (a client sends its key with every request). */
const TOUCH_INTERVAL_MS = 60 * 1000;
const MAX_NAME = 64;

/** Why a u + t + s token was not accepted. */
export type TokenFailure = 'no_such_user' | 'no_keys' | 'mismatch';

/**
 * App keys: what Subsonic clients use as a password. The login password is only ever a scrypt hash;
 * an app key is readable by the server (sealed under the server key file) because Subsonic's token
 * auth sends md5(secret + salt) and the server must compute the same.
 */
export interface AppKeyService {
  create(userId: number, name?: string): Promise<CreatedAppKey>;
  list(userId: number): Promise<AppKey[]>;
  /** not_found when the user has no key of that name. */
  revoke(userId: number, name: string): Promise<AppKey>;
  /** Ends the key itself (a client logging out with it); not_found when no such key exists. */
  revokeKey(key: string): Promise<AppKey>;
  /** The owner of an OpenSubsonic `apiKey`, or undefined. */
  userOfKey(key: string): Promise<User | undefined>;
  /** `u` + `t` + `s`: the user when t = md5(one of their keys + s). */
  userOfToken(username: string, token: string, salt: string): Promise<User | TokenFailure>;
}

export function createAppKeyService({ db, clock, serverKey }: { db: Kysely<Database>; clock: Clock; serverKey: () => Buffer }): AppKeyService {
  const touch = async (keyId: number, lastUsedAt: string | null) => {
    const now = clock.now();
    if (lastUsedAt !== null && now.getTime() - Date.parse(lastUsedAt) < TOUCH_INTERVAL_MS) return;
    try {
      await appKeys.touchAppKey(db, keyId, now.toISOString());
    } catch {
      // A busy or read-only database: the key still works; a later request notes its use.
    }
  };

  return {
    async create(userId, name) {
      const existing = await appKeys.listAppKeys(db, userId);
      const chosen = name === undefined ? firstFreeName(existing) : checkName(name);
      const key = newAppKey();
      try {
        const stored = await appKeys.insertAppKey(db, {
          userId,
          name: chosen,
          nameKey: nameKey(chosen),
          keyHash: appKeyHash(key),
          sealed: sealAppKey(serverKey(), userId, key),
          now: clock.now().toISOString(),
        });
        return { ...stored, key };
      } catch (error) {
        if (isUniqueViolation(error)) throw new TunesError('conflict', `you already have an app key named "${chosen}"`);
        throw error;
      }
    },

    list: (userId) => appKeys.listAppKeys(db, userId),

    async revoke(userId, name) {
      const removed = await appKeys.deleteAppKey(db, userId, nameKey(name));
      if (!removed) throw new TunesError('not_found', `you have no app key named "${name}"`);
      return removed;
    },

    async revokeKey(key) {
      const removed = key.length === 0 || key.length > 200 ? undefined : await appKeys.deleteAppKeyByHash(db, appKeyHash(key));
      if (!removed) throw new TunesError('not_found', 'no such app key (it may have been revoked already)');
      return removed;
    },

    async userOfKey(key) {
      if (key.length === 0 || key.length > 200) return undefined;
      const found = await appKeys.findAppKeyByHash(db, appKeyHash(key));
      if (!found) return undefined;
      await touch(found.keyId, found.lastUsedAt);
      return found.user;
    },

    async userOfToken(username, token, salt) {
      const found = await appKeys.sealedKeysOfUser(db, username);
      if (!found) return 'no_such_user';
      if (found.keys.length === 0) return 'no_keys';
      const wanted = Buffer.from(token.toLowerCase(), 'utf8');
      const server = serverKey();
      for (const stored of found.keys) {
        const key = openAppKey(server, found.user.id, stored.key_sealed);
        if (key === undefined) continue;
        const digest = Buffer.from(createHash('md5').update(key + salt, 'utf8').digest('hex'), 'utf8');
        if (digest.length === wanted.length && timingSafeEqual(digest, wanted)) {
          await touch(stored.id, stored.last_used_at);
          return found.user;
        }
      }
      return 'mismatch';
    },
  };
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME || /[\p{Cc}\p{Cf}]/u.test(name)) {
    throw new TunesError('invalid_input', `an app key's name is 1 to ${MAX_NAME} printable characters`);
  }
  return name;
}

function firstFreeName(existing: AppKey[]): string {
  const taken = new Set(existing.map((key) => nameKey(key.name)));
  for (let n = 1; ; n++) if (!taken.has(`key-${n}`)) return `key-${n}`;
}
