import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The secret stored under `name`, created from `fresh` when there is none. The first process to
 * insert wins (`on conflict do nothing`) and every process reads back that one row, so all servers on
 * one database share the key, and it survives restarts.
 */
export async function ensureServerSecret(db: Db, name: string, fresh: () => Buffer, now: string): Promise<Buffer> {
  const existing = await db.selectFrom('server_secrets').select('secret').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.secret;
  await db
    .insertInto('server_secrets')
    .values({ name, secret: fresh(), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return row.secret;
}
