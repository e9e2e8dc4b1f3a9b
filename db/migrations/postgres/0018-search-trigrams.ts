import { sql, type Kysely } from 'kysely';

/**
 * Issue 18 on PostgreSQL: pg_trgm, whose similarity() narrows the typo stage's candidate terms in
 * the database (src/db/repositories/search-terms.ts) before the Damerau distance is counted.
 * pg_trgm ships with PostgreSQL's contrib (Debian's postgresql package) and is a trusted
 * extension: the database's owner may create it without being a superuser. SQLite needs no twin
 * (the same candidates come from its search_terms by the same shape and letters).
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop extension if exists pg_trgm`.execute(db);
}
