import type { Kysely } from 'kysely';
import type { Database, ScanStatusTable } from '../schema.js';

export type ScanStatusRow = ScanStatusTable;

/** The library scan's row: there is one scan at a time (the scan lock), so one row. */
const NAME = 'library';

export async function recordScanStart(db: Kysely<Database>, now: string): Promise<void> {
  const values = { started_at: now, heartbeat_at: now, finished_at: null, done: 0, failure: null };
  await db
    .insertInto('scan_status')
    .values({ name: NAME, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

/** Files read so far, and the scan's proof of life (`now`). */
export async function recordScanProgress(db: Kysely<Database>, done: number, now: string): Promise<void> {
  await db.updateTable('scan_status').set({ done, heartbeat_at: now }).where('name', '=', NAME).where('finished_at', 'is', null).execute();
}

export async function recordScanEnd(db: Kysely<Database>, now: string, failure: string | null): Promise<void> {
  await db.updateTable('scan_status').set({ finished_at: now, heartbeat_at: now, failure }).where('name', '=', NAME).execute();
}

export async function readScanStatus(db: Kysely<Database>): Promise<ScanStatusRow | undefined> {
  return db.selectFrom('scan_status').selectAll().where('name', '=', NAME).executeTakeFirst();
}
