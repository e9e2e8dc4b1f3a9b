import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ExclusiveLock } from './dialect.js';

/**
 * An exclusive lock named `name` on this PostgreSQL database: a session advisory lock held on one
 * pooled connection until released. The server lets it go when that connection ends (a killed holder).
 */
export async function postgresTryExclusiveLock(db: Kysely<Database>, name: string): Promise<ExclusiveLock | undefined> {
  let got!: (held: boolean) => void;
  let fail!: (error: unknown) => void;
  const attempt = new Promise<boolean>((resolve, reject) => ((got = resolve), (fail = reject)));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = db
    .connection()
    .execute(async (conn) => {
      const key = `tunes:${name}`;
      const { rows } = await sql<{ held: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as held`.execute(conn);
      const held = rows[0]?.held === true;
      got(held);
      if (!held) return;
      await released;
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    })
    .catch(fail);
  if (!(await attempt)) return undefined;
  return {
    release: async () => {
      release();
      await holding;
    },
  };
}
