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
  // A role that may not create it (not the database's owner) still gets a working tunes: the typo
  // stage then narrows its candidates without pg_trgm, to the same answers.
  await sql.raw(`do $$ begin
      create extension if not exists pg_trgm;
    exception when insufficient_privilege or undefined_file then
      raise notice 'pg_trgm not created (%): typo candidates are narrowed without it', sqlerrm;
    end $$`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop extension if exists pg_trgm`.execute(db);
}
