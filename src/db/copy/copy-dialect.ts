import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect.js';
import type { Database } from '../schema.js';

// Tables and columns are named at run time here (the copy walks whatever the schema holds), which
// Kysely's typed builder cannot express: these helpers take the handle untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Db = Kysely<Database> | AnyDb;

const isPostgres = (db: Db) => dialectOf(db as Kysely<Database>).name === 'postgres';

/** The database's own tables (not views, not PostgreSQL's catalogs). */
export async function tablesOf(db: Db): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_stat%'`.execute(db);
  return rows.map((r) => r.name);
}

/** The columns a copy writes: every stored column except those the database computes itself (PostgreSQL's search words). */
export async function writableColumnsOf(db: Db, table: string): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(db)
    : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * The highest id the table's counter has handed out, rows deleted since included (SQLite's
 * sqlite_sequence, PostgreSQL's identity sequence), so the target never hands an old id out again.
 */
export async function counterOf(db: Db, table: string): Promise<number> {
  if (isPostgres(db)) {
    // last_value is null until the sequence first hands an id out.
    const { rows } = await sql<{ value: number | null }>`select coalesce(last_value, 0) as value from pg_sequences
      where format('%I.%I', schemaname, sequencename)::regclass = pg_get_serial_sequence(${table}, 'id')::regclass`.execute(db);
    return Number(rows[0]?.value ?? 0);
  }
  const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/** Sets the target's counter for `table` past both its ids and `floor`. */
export async function setCounter(db: Db, table: string, floor: number): Promise<void> {
  const ref = sql.ref(table);
  if (isPostgres(db)) {
    // setval(..., false) on an empty table: the next id is 1, as on a new database.
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(coalesce((select max(id) from ${ref}), 0), ${floor}, 1),
      greatest(coalesce((select max(id) from ${ref}), 0), ${floor}) > 0)`.execute(db);
    return;
  }
  // dialect: sqlite-only (the PostgreSQL text is above). Inserting explicit ids already moved seq to max(id).
  await sql`insert into sqlite_sequence (name, seq) select ${table}, ${floor}
    where ${floor} > 0 and not exists (select 1 from sqlite_sequence where name = ${table})`.execute(db);
  await sql`update sqlite_sequence set seq = max(seq, ${floor}) where name = ${table}`.execute(db);
}

/** Removes every row of `tables` (children first) and resets their counters: what `--force` replaces. */
export async function emptyTables(db: Db, tables: readonly string[]): Promise<void> {
  if (isPostgres(db)) {
    // TRUNCATE fires no row triggers, so songs leave playlists without renumbering them one by one.
    await sql`truncate ${sql.join(tables.map((t) => sql.ref(t)))} restart identity`.execute(db);
    return;
  }
  // dialect: sqlite-only (PostgreSQL truncates, above).
  for (const table of [...tables].reverse()) await sql`delete from ${sql.ref(table)}`.execute(db);
  await sql`delete from sqlite_sequence`.execute(db);
}

/**
 * Turns the target's own triggers off for the copy (the rows arrive as the source's triggers left
 * them: the search index, albums to recount, users' last-seen times) and gives what turns them on
 * again, in the same transaction. SQLite's triggers are dropped and made again from their stored
 * SQL, then the search index is built once from the copied songs.
 */
export async function suspendTriggers(db: AnyDb): Promise<() => Promise<void>> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ name: string }>`select distinct event_object_table as name from information_schema.triggers
      where trigger_schema = current_schema()`.execute(db);
    for (const { name } of rows) await sql`alter table ${sql.ref(name)} disable trigger user`.execute(db);
    return async () => {
      for (const { name } of rows) await sql`alter table ${sql.ref(name)} enable trigger user`.execute(db);
    };
  }
  // dialect: sqlite-only (PostgreSQL disables them, above).
  const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger'`.execute(db);
  for (const { name } of rows) await sql`drop trigger ${sql.ref(name)}`.execute(db);
  return async () => {
    for (const trigger of rows) await sql.raw(trigger.sql).execute(db);
    await sql`insert into songs_fts (songs_fts) values ('rebuild')`.execute(db);
  };
}

/** The reading side's snapshot: every table is read as of one moment while other writers go on. */
export async function inReadSnapshot<T>(db: Db, work: (trx: AnyDb) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return (db as AnyDb).transaction().execute(work);
  return (db as AnyDb)
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      return work(trx);
    });
}

/** After a bulk load PostgreSQL's planner needs fresh statistics (SQLite plans without them). */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`analyze`.execute(db);
}
