import { type Kysely } from 'kysely';

/**
 * PostgreSQL's twin of 0014-discovery: the search vocabulary table and smart playlists' columns.
 * SQLite's 0014 also rebuilt FTS5 with a "joined" column (words across apostrophes and dots); the
 * PostgreSQL search column has no such twin yet, and search_terms is filled on SQLite only.
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_terms_by_shape').on('search_terms').columns(['head', 'length', 'docs']).execute();
  await db.schema.alterTable('playlists').addColumn('rules', 'text').execute();
  await db.schema.alterTable('playlists').addColumn('rules_sort', 'text').execute();
  await db.schema.alterTable('playlists').addColumn('rules_limit', 'integer').execute();
  await db.schema.alterTable('playlists').addColumn('built_in', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['built_in', 'rules_limit', 'rules_sort', 'rules']) await db.schema.alterTable('playlists').dropColumn(column).execute();
  await db.schema.dropTable('search_terms').execute();
}
