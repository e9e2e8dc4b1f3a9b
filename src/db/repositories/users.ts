import { sql, type Kysely, type Transaction } from 'kysely';
import type { User } from '../../domain/user.js';
import type { Database, UserRow } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const PUBLIC_COLUMNS = ['id', 'username', 'role', 'created_at'] as const;

/** The one place a users row becomes a User; the password hash never leaves src/db through it. */
export function userRowToUser(row: Pick<UserRow, (typeof PUBLIC_COLUMNS)[number]>): User {
  return { id: row.id, username: row.username, role: row.role, created_at: row.created_at };
}

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
  const row = await db
    .insertInto('users')
    .values({ username, password_hash: passwordHash, role, created_at: createdAt })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return userRowToUser(row);
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && userRowToUser(row);
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('username', '=', username).executeTakeFirst();
  return row && userRowToUser(row);
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
  return { user: userRowToUser(row), passwordHash: row.password_hash };
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}
