import type { Kysely } from 'kysely';
import type { DialectName } from './dialect/dialect.js';
import type { SongWriter } from './repositories/song-writes.js';
import type { Database } from './schema.js';

/** An open database, whichever it is: what services are built from. */
export interface StoreBase {
  db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Where it is, for people: a file path, or a postgres:// URL without its password. */
  location: string;
  /** The scanner's writer (one per store, made when first asked for). */
  songWriter(): SongWriter;
  close(): Promise<void>;
}
