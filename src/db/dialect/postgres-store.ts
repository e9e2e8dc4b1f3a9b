import { createRequire } from 'node:module';
import { DEFAULT_MIGRATION_TABLE, Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { postgresMigrations } from '../../../db/migrations/postgres/index.js';
import { TunesError } from '../../errors.js';
import type { Database } from '../schema.js';
import type { StoreBase } from '../store.js';
import type { SongWriter } from '../repositories/song-writes.js';
import { createPostgresSongWriter } from './postgres-song-writer.js';
import { idRangeClient } from './postgres-id-range.js';
import { redactedUrl } from './postgres-url.js';

export interface PostgresStore extends StoreBase {
  readonly dialect: 'postgres';
}

/** Connections per process: a server's requests share them; PostgreSQL's default limit is 100. */
const POOL_SIZE = 8;
const INT8 = 20;
const NUMERIC = 1700;

const staticProvider: MigrationProvider = { getMigrations: async () => postgresMigrations };

/**
 * Opens a pool on the PostgreSQL database at `url` and brings its schema up to date. The password
 * comes from the URL (TUNES_DATABASE_URL), else PGPASSWORD, else ~/.pgpass (pg reads both itself);
 * no message of ours shows it.
 */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const location = redactedUrl(url);
  // pg is CommonJS: required, not imported, because the one-file CommonJS builds (plain.cjs, player.cjs)
  // run from a vm.Script, whose import() fails on Node 20 (`tunes songs --db postgres://...` did).
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg').default;
  // bigint and numeric (count(*), sum(...), sizes, times in ms) come back as numbers, as SQLite's do:
  // every value tunes keeps is far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, application_name: 'tunes', Client: idRangeClient(pg) });
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let applied: ReadonlySet<string>;
  try {
    applied = await appliedMigrations(pool);
  } catch (error) {
    await db.destroy();
    throw new TunesError('io', `cannot open database ${location}: ${safeMessage(error, url)}`, 'check that PostgreSQL runs there, the user and database exist, and the password (PGPASSWORD or ~/.pgpass)');
  }
  try {
    // Most opens (every CLI command) find the schema current: one read instead of the Migrator's catalog
    // introspection, lock row and advisory lock (about half a second a command on a loaded box). A name this
    // tunes does not know (a newer one migrated the database) goes to the Migrator, which refuses it.
    const known = Object.keys(postgresMigrations);
    if (applied.size === known.length && known.every((name) => applied.has(name))) return storeOf(db, location);
    // Kysely's PostgreSQL adapter runs the migrations in one transaction under an advisory lock, so two
    // servers starting on a new database at once apply them once.
    const { error, results } = await new Migrator({ db, provider: staticProvider, allowUnorderedMigrations: true }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new TunesError('internal', `database migration ${failed} failed on ${location}: ${safeMessage(error, url)}`);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return storeOf(db, location);
}

function storeOf(db: Kysely<Database>, location: string): PostgresStore {
  let closed = false;
  let writer: SongWriter | undefined;
  return {
    db,
    dialect: 'postgres',
    location,
    songWriter: () => (writer ??= createPostgresSongWriter(db)),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** The names in Kysely's migration table (none on a new database); this also proves the connection works. */
async function appliedMigrations(pool: import('pg').Pool): Promise<ReadonlySet<string>> {
  const { rows } = await pool.query<{ present: boolean }>(`select to_regclass('${DEFAULT_MIGRATION_TABLE}') is not null as present`);
  if (!rows[0]?.present) return new Set();
  const applied = await pool.query<{ name: string }>(`select name from ${DEFAULT_MIGRATION_TABLE}`);
  return new Set(applied.rows.map((row) => row.name));
}

/** An error's message without the password, should a driver ever echo the URL back. */
function safeMessage(error: unknown, url: string): string {
  let text = error instanceof Error ? error.message : String(error);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) text = text.split(password).join('***');
  } catch {
    // not a URL we can read: nothing of it to hide
  }
  return text;
}
