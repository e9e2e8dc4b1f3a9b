import { type Kysely } from 'kysely';

/**
 * Issue 15: what servers sharing one database must agree on and kept in their memory until now.
 * - attempt_counts: the login and registration limiters' counts (src/services/limits), one row per
 *   key (`login:alice@203.0.113.7`, `login@203.0.113.7`, `register@...`); times in ms since the epoch.
 *   `forget_at` is when the key starts over (its policy's forgetAfterMs after the last attempt), so
 *   old keys are swept by one index range.
 * - scan_status: the library scan a server runs in the background (Subsonic's startScan /
 *   getScanStatus), so every server reports the same scan. One row per scan name ('library').
 *   `heartbeat_at` moves while the scan runs: a scan whose process died stops counting as running.
 * The same schema-builder SQL on both databases (bigint is an integer on SQLite).
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attempt_counts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('forget_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attempt_counts_by_forget_at').on('attempt_counts').column('forget_at').execute();
  await db.schema
    .createTable('scan_status')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scan_status').execute();
  await db.schema.dropTable('attempt_counts').execute();
}
