import type { Kysely, Transaction } from 'kysely';
import type { AppKey } from '../../domain/app-key.js';
import type { User } from '../../domain/user.js';
import type { Database } from '../schema.js';
import { userRowToUser } from './users.js';

type Db = Kysely<Database> | Transaction<Database>;

const LISTED = ['id', 'name', 'created_at', 'last_used_at'] as const;

export async function insertAppKey(
  db: Db,
  values: { userId: number; name: string; nameKey: string; keyHash: string; sealed: Buffer; now: string },
): Promise<AppKey> {
  return db
    .insertInto('app_keys')
    .values({
      user_id: values.userId,
      name: values.name,
      name_key: values.nameKey,
      key_hash: values.keyHash,
      key_sealed: values.sealed,
      created_at: values.now,
    })
    .returning(LISTED)
    .executeTakeFirstOrThrow();
}

export async function listAppKeys(db: Db, userId: number): Promise<AppKey[]> {
  return db.selectFrom('app_keys').select(LISTED).where('user_id', '=', userId).orderBy('name_key').execute();
}

export async function deleteAppKey(db: Db, userId: number, nameKey: string): Promise<AppKey | undefined> {
  return db.deleteFrom('app_keys').where('user_id', '=', userId).where('name_key', '=', nameKey).returning(LISTED).executeTakeFirst();
}

/** The key with this hash, removed (a client ending its own key). */
export async function deleteAppKeyByHash(db: Db, keyHash: string): Promise<AppKey | undefined> {
  return db.deleteFrom('app_keys').where('key_hash', '=', keyHash).returning(LISTED).executeTakeFirst();
}

/** The key with this hash and its owner. */
export async function findAppKeyByHash(db: Db, keyHash: string): Promise<{ keyId: number; lastUsedAt: string | null; user: User } | undefined> {
  const row = await db
    .selectFrom('app_keys')
    .innerJoin('users', 'users.id', 'app_keys.user_id')
    .select(['app_keys.id as key_id', 'app_keys.last_used_at', 'users.id', 'users.username', 'users.role', 'users.created_at'])
    .where('app_keys.key_hash', '=', keyHash)
    .executeTakeFirst();
  return row && { keyId: row.key_id, lastUsedAt: row.last_used_at, user: userRowToUser(row) };
}

/** Every sealed key of the user named (token auth tries each against md5(key + salt)). */
export async function sealedKeysOfUser(db: Db, username: string): Promise<{ user: User; keys: Array<{ id: number; key_sealed: Buffer; last_used_at: string | null }> } | undefined> {
  const user = await db.selectFrom('users').select(['id', 'username', 'role', 'created_at']).where('username', '=', username).executeTakeFirst();
  if (!user) return undefined;
  const keys = await db.selectFrom('app_keys').select(['id', 'key_sealed', 'last_used_at']).where('user_id', '=', user.id).execute();
  return { user: userRowToUser(user), keys };
}

export async function touchAppKey(db: Db, keyId: number, now: string): Promise<void> {
  await db.updateTable('app_keys').set({ last_used_at: now }).where('id', '=', keyId).execute();
}
