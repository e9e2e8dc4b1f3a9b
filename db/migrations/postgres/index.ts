import type { Migration } from 'kysely';
import * as schema from './0001-schema.js';

/**
 * PostgreSQL's migrations, in order (SQLite's are db/migrations/index.ts). 0001 is the schema as
 * SQLite's 0001-0012 made it; later numbers follow SQLite's: a migration there gets its twin here.
 */
export const postgresMigrations: Record<string, Migration> = {
  '0001-schema': schema,
};
