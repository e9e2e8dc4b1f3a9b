import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/statement-cache.js';

describe('prepared statement cache under Kysely', () => {
  it('prepares a query once and reuses it with other parameters; keeps at most its bound', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    let prepared = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared++;
      return prepare(text);
    }) as typeof sqlite.prepare;
    const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, 2) }) });
    await sql`create table t (n integer)`.execute(db);
    for (const n of [1, 2, 3]) await db.insertInto('t').values({ n }).execute();
    expect(prepared).toBe(2);
    expect((await db.selectFrom('t').select('n').where('n', '>', 1).execute()).map((r) => r.n)).toEqual([2, 3]);
    expect((await db.selectFrom('t').select('n').where('n', '>', 2).execute()).map((r) => r.n)).toEqual([3]);
    expect(prepared).toBe(3);
    // A third text drops the least recently used (the create table); the insert is still there.
    await db.insertInto('t').values({ n: 4 }).execute();
    expect(prepared).toBe(3);
    await db.destroy();
  });
});
