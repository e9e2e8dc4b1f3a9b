import type { Kysely, Transaction } from 'kysely';
import type { Session } from '../../domain/user.js';
import { withoutWaitingForLocks } from '../busy-timeout.js';
import type { Database, SessionRow } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(
  db: Db,
  session: { userId: number; tokenHash: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      created_at: session.now,
      last_used_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

export function sessionRowToSession(row: SessionRow): Session {
  return {
    id: row.id,
    user_id: row.user_id,
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    expires_at: row.expires_at,
  };
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && sessionRowToSession(row);
}

export async function touchSession(db: Db, id: number, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** touchSession that fails at once (SQLITE_BUSY) rather than waiting when another process holds the write lock. */
export async function touchSessionWithoutWaiting(db: Kysely<Database>, id: number, now: string, expiresAt: string): Promise<void> {
  await withoutWaitingForLocks(db, (conn) => touchSession(conn, id, now, expiresAt));
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** Ends every session of a user, or every one but `keepTokenHash`; returns how many ended. */
export async function deleteSessionsOfUser(db: Db, userId: number, { keepTokenHash }: { keepTokenHash?: string } = {}): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
