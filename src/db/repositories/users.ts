import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { User, UserListing } from '../../domain/user.js';
import type { Database, UserRow } from '../schema.js';
import { caseless, caselessEquals } from '../dialect/caseless.js';
import { ADVISORY_LOCKS, underAdvisoryLock } from '../dialect/advisory-lock.js';
import { isStorableId } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

const PUBLIC_COLUMNS = ['id', 'username', 'role', 'created_at'] as const;

/** The one place a users row becomes a User; the password hash never leaves src/db through it. */
export function userRowToUser(row: Pick<UserRow, (typeof PUBLIC_COLUMNS)[number]>): User {
  return { id: row.id, username: row.username, role: row.role, created_at: row.created_at };
}

/**
 * The first account that may be admin becomes admin. Deciding the role inside the INSERT keeps it
 * atomic on SQLite (one writer); on PostgreSQL two such inserts take turns under an advisory lock
 * (at READ COMMITTED each would otherwise miss the other's uncommitted admin).
 */
export async function insertUser(
  db: Db,
  username: string,
  passwordHash: string,
  createdAt: string,
  { mayBeAdmin = true, role: forced }: { mayBeAdmin?: boolean; role?: 'admin' | 'user' } = {},
): Promise<User> {
  const write = async (conn: Kysely<Database>) => {
    const role =
      forced ??
      (mayBeAdmin ? sql<'admin' | 'user'>`(case when exists (select 1 from users where role = 'admin') then 'user' else 'admin' end)` : 'user');
    const row = await conn
      .insertInto('users')
      .values({ username, password_hash: passwordHash, role, created_at: createdAt })
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirstOrThrow();
    return userRowToUser(row);
  };
  // Two first registrations at once on PostgreSQL would each see no admin yet: they take turns.
  return forced === undefined && mayBeAdmin ? underAdvisoryLock(db, ADVISORY_LOCKS.firstAccount, write) : write(db);
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && userRowToUser(row);
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where(caselessEquals(db, 'username', username)).executeTakeFirst();
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
    .where(caselessEquals(db, 'username', username))
    .executeTakeFirst();
  if (!row) return undefined;
  return { user: userRowToUser(row), passwordHash: row.password_hash };
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Every account, for the admin's list (name order, any case). */
export async function listUsers(db: Db): Promise<UserListing[]> {
  const rows = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'last_seen_at'])
    .orderBy(caseless(db, sql.ref('username')))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...userRowToUser(row), last_seen_at: row.last_seen_at }));
}

/**
 * Sets a role, except that the last admin is never demoted. The check is inside the one UPDATE, so
 * two processes demoting the last two admins at the same moment cannot both succeed (SQLite runs
 * writes one at a time, and each statement sees the other's result). Returns whether a row changed.
 */
export async function setRoleKeepingAnAdmin(db: Db, userId: number, role: 'admin' | 'user'): Promise<boolean> {
  let update = db.updateTable('users').set({ role }).where('id', '=', userId);
  if (role === 'user') update = update.where((eb) => eb.exists(otherAdmin(eb, userId)));
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an account unless it is the last admin (checked inside the DELETE, as above). */
export async function deleteUserKeepingAnAdmin(db: Db, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('users')
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('role', '!=', 'admin'), eb.exists(otherAdmin(eb, userId))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const otherAdmin = (eb: ExpressionBuilder<Database, 'users'>, userId: number) =>
  eb.selectFrom('users as other').select('other.id').where('other.role', '=', 'admin').where('other.id', '!=', userId);

export interface OwnedCounts {
  playlists: number;
  likes: number;
  plays: number;
  sessions: number;
}

/** What goes with an account when it is removed (the foreign keys cascade). */
export async function countOwned(db: Db, userId: number): Promise<OwnedCounts> {
  const count = (table: 'playlists' | 'likes' | 'plays' | 'sessions', column: 'owner_id' | 'user_id') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', userId)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const [playlists, likes, plays, sessions] = await Promise.all([
    count('playlists', 'owner_id'),
    count('likes', 'user_id'),
    count('plays', 'user_id'),
    count('sessions', 'user_id'),
  ]);
  return { playlists, likes, plays, sessions };
}

/** Whether any account exists yet (a brand-new install has none). */
export async function anyUserExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
