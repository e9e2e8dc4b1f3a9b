import type { Kysely, Transaction } from 'kysely';
import type { Database, LibraryRoot } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listLibraryRoots(db: Db): Promise<LibraryRoot[]> {
  return db.selectFrom('library_roots').selectAll().orderBy('path').execute();
}

/** Adds a root unless it is already there; returns the stored row either way, and whether it is new. */
export async function ensureLibraryRoot(db: Db, path: string, addedAt: string): Promise<{ root: LibraryRoot; inserted: boolean }> {
  const result = await db
    .insertInto('library_roots')
    .values({ path, added_at: addedAt })
    .onConflict((oc) => oc.column('path').doNothing())
    .executeTakeFirst();
  const root = await db.selectFrom('library_roots').selectAll().where('path', '=', path).executeTakeFirstOrThrow();
  return { root, inserted: (result.numInsertedOrUpdatedRows ?? 0n) > 0n };
}

export async function deleteLibraryRoot(db: Db, path: string): Promise<boolean> {
  const result = await db.deleteFrom('library_roots').where('path', '=', path).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
