import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('migrations landing out of order', () => {
  it('a database that ran a later migration first still takes an earlier one that landed after it', async () => {
    const path = join(tempDir(), 'tunes.db');
    const first = await openStore(path);
    // As if 0006 had reached main after 0009 had already run here.
    await sql`delete from kysely_migration where name = '0006-search-prefix-one'`.execute(first.db);
    first.sqlite.pragma('user_version = 0');
    await first.close();

    const again = await openStore(path);
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(again.db);
    expect(names.rows.map((r) => r.name)).toContain('0006-search-prefix-one');
    expect(names.rows.map((r) => r.name)).toContain('0009-accounts-secrets');
    await again.close();
  });
});
