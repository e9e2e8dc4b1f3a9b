import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect.js';
import type { Database } from '../schema.js';

/**
 * A value that changes whenever the database may have changed since it was last read: commits by
 * other connections (another process's scan: data_version) and this connection's own writes
 * (total_changes). Cheap enough to ask before every cached answer.
 */
export async function databaseChangeMarker(db: Kysely<Database>): Promise<string> {
  // PostgreSQL has no per-connection change counter; a fresh value each time turns caches off there
  // until a twin exists (e.g. a counter bumped by the writes that change what searches find).
  if (dialectOf(db).name === 'postgres') return randomUUID();
  // dialect: sqlite-only (needs a PostgreSQL twin)
  const { rows } = await sql<{ marker: string }>`select (select data_version from pragma_data_version) || ':' || total_changes() as marker`.execute(db);
  return rows[0]?.marker ?? '';
}
