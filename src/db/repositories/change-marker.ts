import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect.js';
import type { Database } from '../schema.js';

/**
 * A value that changes whenever the database may have changed since it was last read. Cheap enough
 * to ask before every cached answer.
 * - SQLite: commits by other connections (another process's scan: data_version) and this
 *   connection's own writes (total_changes).
 * - PostgreSQL: the current snapshot (the next transaction id and those in progress): any write
 *   transaction, from any connection or server, gets an id when it starts writing and leaves the
 *   in-progress list when it ends, so a commit always changes it. Writes that touch nothing a search
 *   reads change it too: a cache there is emptied more often than it must be, never kept stale.
 */
export async function databaseChangeMarker(db: Kysely<Database>): Promise<string> {
  if (dialectOf(db).name === 'postgres') {
    const { rows } = await sql<{ marker: string }>`select pg_current_snapshot()::text as marker`.execute(db);
    return rows[0]?.marker ?? '';
  }
  // dialect: sqlite-only (the PostgreSQL twin is above)
  const { rows } = await sql<{ marker: string }>`select (select data_version from pragma_data_version) || ':' || total_changes() as marker`.execute(db);
  return rows[0]?.marker ?? '';
}
