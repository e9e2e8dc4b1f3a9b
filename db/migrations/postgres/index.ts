import type { Migration } from 'kysely';
// The same schema-builder SQL on both: SQLite's own file, shared.
import * as lyrics from '../0013-lyrics.js';
import * as schema from './0001-schema.js';
import * as discovery from './0014-discovery.js';
import * as sharedServerState from '../0015-shared-server-state.js';
import * as joinedWords from './0016-search-joined-words.js';
import * as searchTrigrams from './0018-search-trigrams.js';

/**
 * PostgreSQL's migrations, in order (SQLite's are db/migrations/index.ts). 0001 is the schema as
 * SQLite's 0001-0012 made it; later numbers follow SQLite's: a migration there gets its twin here
 * (or, when its SQL is the same on both, is listed here as it is).
 */
export const postgresMigrations: Record<string, Migration> = {
  '0001-schema': schema,
  '0013-lyrics': lyrics,
  '0014-discovery': discovery,
  '0015-shared-server-state': sharedServerState,
  '0016-search-joined-words': joinedWords,
  '0018-search-trigrams': searchTrigrams,
};
