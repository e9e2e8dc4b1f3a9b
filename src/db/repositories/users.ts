import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, User } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const PUBLIC_COLUMNS = ['id', 'username', 'role', 'created_at'] as const;

/**
 * The first account that may be admin becomes admin. Deciding the role inside the INSERT keeps it
 * atomic, so two first registrations racing from two processes cannot both become admin.
 */
export async function insertUser(
  db: Db,
  username: string,
  passwordHash: string,
  createdAt: string,
  { mayBeAdmin = true }: { mayBeAdmin?: boolean } = {},
): Promise<User> {
  const role = mayBeAdmin
    ? sql<'admin' | 'user'>`(case when exists (select 1 from users where role = 'admin') then 'user' else 'admin' end)`
    : 'user';
  return db
    .insertInto('users')
    .values({ username, password_hash: passwordHash, role, created_at: createdAt })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('username', '=', username).executeTakeFirst();
}

/** Only the auth code reads password hashes. */
export async function findCredentials(
  db: Db,
  username: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) return undefined;
  const { password_hash, ...user } = row;
  return { user, passwordHash: password_hash };
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}
