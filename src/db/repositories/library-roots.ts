import type { Kysely, Transaction } from 'kysely';
import type { LibraryRoot } from '../../domain/library.js';
import type { Database, LibraryRootRow } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function libraryRootRowToLibraryRoot(row: LibraryRootRow): LibraryRoot {
  return { id: row.id, path: row.path, added_at: row.added_at };
}

export async function listLibraryRoots(db: Db): Promise<LibraryRoot[]> {
  return (await db.selectFrom('library_roots').selectAll().orderBy('path').execute()).map(libraryRootRowToLibraryRoot);
}

/** Adds a root unless it is already there; returns the stored row either way, and whether it is new. */
export async function ensureLibraryRoot(db: Db, path: string, addedAt: string): Promise<{ root: LibraryRoot; inserted: boolean }> {
  const result = await db
    .insertInto('library_roots')
    .values({ path, added_at: addedAt })
    .onConflict((oc) => oc.column('path').doNothing())
    .executeTakeFirst();
  const root = await db.selectFrom('library_roots').selectAll().where('path', '=', path).executeTakeFirstOrThrow();
  return { root: libraryRootRowToLibraryRoot(root), inserted: (result.numInsertedOrUpdatedRows ?? 0n) > 0n };
}

export async function deleteLibraryRoot(db: Db, path: string): Promise<boolean> {
  const result = await db.deleteFrom('library_roots').where('path', '=', path).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
