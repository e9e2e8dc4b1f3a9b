import { sql, type Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import { dialectOf } from '../dialect/dialect.js';
import type { Database } from '../schema.js';
import type { Store } from '../open.js';
import { counterOf, emptyTables, inReadSnapshot, refreshPlannerStatistics, setCounter, suspendTriggers, tablesOf, writableColumnsOf } from './copy-dialect.js';
import { COPIED_TABLES, unknownTables, type CopiedTable } from './copy-tables.js';

// Tables and columns are named at run time (see copy-dialect.ts), so the handles here are untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

export interface TableCount {
  table: string;
  rows: number;
}

export interface CopyProgress {
  table: string;
  done: number;
  total: number;
}

/** Bound parameters per statement: under SQLite's 32766 and PostgreSQL's 65535. */
const PARAMETERS_PER_BATCH = 30_000;
const MAX_ROWS_PER_BATCH = 1_000;

/** The copied tables that already hold rows, with their counts (a target must be empty unless replaced). */
export async function heldRows(store: Store): Promise<TableCount[]> {
  const held: TableCount[] = [];
  for (const { name } of COPIED_TABLES) {
    if (name === 'albums_dirty') continue;
    const rows = await countOf(store.db, name);
    if (rows > 0) held.push({ table: name, rows });
  }
  return held;
}

/**
 * Copies every table of `source` into `target` (migrated, and empty unless `replace`) with their
 * ids, in one transaction on the target (its triggers off: the rows come as they are): a copy that
 * fails leaves the target as it was. The rows
 * are read from one snapshot of the source, a page at a time. Counts are checked before the commit;
 * afterwards the target's search vocabulary is rebuilt from its own index.
 */
export async function copyStore(source: Store, target: Store, { replace = false, onProgress }: { replace?: boolean; onProgress?: (progress: CopyProgress) => void } = {}): Promise<TableCount[]> {
  const unknown = unknownTables(await tablesOf(source.db));
  if (unknown.length > 0) throw new TunesError('usage', `the source database has tables this version of tunes cannot copy: ${unknown.join(', ')}`);
  const counts = await inReadSnapshot(source.db, (from) =>
    dialectOf(target.db).writeTransaction(target.db, async (to) => {
      const resumeTriggers = await suspendTriggers(to as AnyDb);
      if (replace) await emptyTables(to, [...COPIED_TABLES.map((t) => t.name), 'search_terms']);
      const copied: TableCount[] = [];
      for (const table of COPIED_TABLES) copied.push({ table: table.name, rows: await copyTable(from, to as AnyDb, table, onProgress) });
      await resumeTriggers();
      return copied;
    }),
  );
  await target.songWriter().refreshSearchTerms();
  await refreshPlannerStatistics(target.db);
  return counts;
}

async function copyTable(from: AnyDb, to: AnyDb, table: CopiedTable, onProgress?: (progress: CopyProgress) => void): Promise<number> {
  const columns = await columnsToCopy(from, to, table.name);
  const total = await countOf(from, table.name);
  const pageSize = Math.max(1, Math.min(MAX_ROWS_PER_BATCH, Math.floor(PARAMETERS_PER_BATCH / columns.length)));
  let done = 0;
  let last: Row | undefined;
  onProgress?.({ table: table.name, done, total });
  for (;;) {
    const rows = await pageAfter(from, table, columns, last, pageSize);
    if (rows.length === 0) break;
    try {
      await to.insertInto(table.name).values(rows).execute();
    } catch (error) {
      throw new TunesError('io', `copying ${table.name} failed near ${describeKey(table, rows[0]!)}: ${(error as Error).message}`);
    }
    done += rows.length;
    last = rows[rows.length - 1];
    onProgress?.({ table: table.name, done, total });
    if (rows.length < pageSize) break;
  }
  if (table.counter) await setCounter(to, table.name, await counterOf(from, table.name));
  const landed = await countOf(to, table.name);
  if (done !== total || landed !== total) {
    throw new TunesError('internal', `${table.name}: the source holds ${total} rows, ${done} were read and the target holds ${landed}; nothing was copied`);
  }
  return total;
}

/** The source's columns, each of which the target must be able to hold (a column left behind is data lost). */
async function columnsToCopy(from: AnyDb, to: AnyDb, table: string): Promise<string[]> {
  const [source, target] = await Promise.all([writableColumnsOf(from, table), writableColumnsOf(to, table)]);
  const held = new Set(target);
  const missing = source.filter((c) => !held.has(c));
  if (missing.length > 0) throw new TunesError('usage', `the target's ${table} has no column ${missing.join(', ')}: it is not the same version of tunes`);
  return source;
}

function pageAfter(from: AnyDb, table: CopiedTable, columns: string[], last: Row | undefined, size: number): Promise<Row[]> {
  let query = from.selectFrom(table.name).select(columns);
  if (last) {
    const keys = sql.join(table.key.map((k) => sql.ref(k)));
    const values = sql.join(table.key.map((k) => last[k]));
    query = query.where(sql<boolean>`(${keys}) > (${values})`);
  }
  for (const key of table.key) query = query.orderBy(key);
  return query.limit(size).execute() as Promise<Row[]>;
}

async function countOf(db: AnyDb | Kysely<Database>, table: string): Promise<number> {
  const row = (await (db as AnyDb).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: number | string };
  return Number(row.n);
}

function describeKey(table: CopiedTable, row: Row): string {
  return table.key.map((k) => `${k} ${String(row[k])}`).join(', ');
}
