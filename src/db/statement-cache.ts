import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts whose prepared statements are kept (`in (?, ?, ...)` lists make many texts). */
export const CACHED_STATEMENTS = 256;

/**
 * The database as Kysely's SQLite dialect sees it, with prepared statements kept and reused:
 * Kysely prepares every query anew, and preparing costs as much as running a small indexed query
 * (about a fifth of a cached Subsonic answer's CPU under load). Least recently used go first.
 * Safe because Kysely runs one query at a time on the connection and tunes never streams rows
 * (an iterating statement could not be reused meanwhile).
 */
// dialect: sqlite-only (PostgreSQL's driver keeps its own prepared statements)
export function withStatementCache(sqlite: BetterSqlite3.Database, max = CACHED_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
