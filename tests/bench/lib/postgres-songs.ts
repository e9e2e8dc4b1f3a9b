import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** Columns songs point at other tables by: left null (the bench's search and lists need no albums). */
const LINKS = new Set(['album_id', 'artist_id', 'cover_id']);

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Copies the first `limit` songs of a SQLite tunes database into a migrated, empty PostgreSQL one:
 * its songs indexes dropped, psql's COPY fed from better-sqlite3, the indexes made again, ANALYZE.
 * Triggers are off during the copy (session_replication_role = replica: the bench's PG is a superuser's).
 */
export async function copySongsToPostgres(sqlitePath: string, url: string, env: NodeJS.ProcessEnv, limit: number): Promise<number> {
  const client = new pg.Client({ connectionString: url, ...(env.PGPASSWORD ? { password: env.PGPASSWORD } : {}) });
  await client.connect();
  try {
    const pgColumns = new Set(
      (await client.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'songs' and is_generated = 'NEVER'")).rows.map((r) => r.column_name),
    );
    const sqlite = new BetterSqlite3(sqlitePath, { readonly: true });
    const columns = (sqlite.prepare('pragma table_info(songs)').all() as Array<{ name: string }>).map((c) => c.name).filter((c) => pgColumns.has(c) && !LINKS.has(c));
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(`select c.relname as indexname, pg_get_indexdef(i.indexrelid) as indexdef
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = 'songs'::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`)
    ).rows;
    for (const index of indexes) await client.query(`drop index ${index.indexname}`);

    const psql = spawn('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-c', 'set session_replication_role = replica', '-c', `\\copy songs (${columns.join(', ')}) from stdin with (format csv)`, url], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    psql.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => psql.on('close', resolve));
    let copied = 0;
    let chunk = '';
    for (const row of sqlite.prepare(`select ${columns.join(', ')} from songs order by id limit ?`).raw().iterate(limit) as Iterable<unknown[]>) {
      chunk += `${row.map(csvField).join(',')}\n`;
      copied += 1;
      if (chunk.length > 1 << 20) {
        if (!psql.stdin.write(chunk)) await new Promise((resolve) => psql.stdin.once('drain', resolve));
        chunk = '';
      }
    }
    psql.stdin.end(chunk);
    sqlite.close();
    const code = await exited;
    if (code !== 0) throw new Error(`psql \\copy failed (exit ${code}): ${stderr}`);

    for (const index of indexes) await client.query(index.indexdef);
    await client.query("select setval(pg_get_serial_sequence('songs', 'id'), (select max(id) from songs))");
    await client.query('analyze songs');
    return copied;
  } finally {
    await client.end();
  }
}
