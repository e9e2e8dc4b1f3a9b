import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Issue 18. Three things:
 * - Punctuation inside words stops splitting them for search: "R'Lyeh" is found by "rlyeh", "AC/DC"
 *   by "acdc". songs_fts gains a sixth column, `joined`: a song's text with those marks removed,
 *   filled only for songs whose text holds one (most do not, so the index grows little). The view
 *   and the triggers compute it in SQL (no application function: any sqlite3 shell can still
 *   write songs), so the FTS table, its view and its triggers are made again and the index rebuilt
 *   (~1-2 minutes at 1M songs on this machine; see the report of branch discovery).
 * - search_terms: the index's vocabulary with document counts, the candidates of typo-forgiving
 *   search (read from fts5vocab after a scan; fts5vocab itself walks every doclist, ~1 s at 1M).
 * - Smart playlists: rules, sort and limit on playlists (null rules: an ordinary playlist).
 * dialect: sqlite-only (needs a PostgreSQL twin: tsvector over the same joined text, pg_trgm).
 */
const FIELDS = ['title', 'artist', 'album', 'album_artist', 'genre'] as const;
/** Marks that join words instead of splitting them (frozen copy: src/services/catalog/relevance.ts has the live one, JOINING_MARKS). */
const JOINERS = ["'", '\u2019', '\u2018', '`', '.', '/', '-', '!'];

function joinedText(row: string): RawBuilder<unknown> {
  const all = FIELDS.map((f) => `coalesce(${row}${f}, '')`).join(` || ' ' || `);
  let replaced = all;
  for (const mark of JOINERS) replaced = `replace(${replaced}, '${mark.replaceAll("'", "''")}', '')`;
  const test = JOINERS.map((mark) => `instr(${all}, '${mark.replaceAll("'", "''")}') > 0`).join(' or ');
  return sql.raw(`case when ${test} then ${replaced} end`);
}

async function createSearchIndex(db: Kysely<any>, withJoined: boolean): Promise<void> {
  const columns = withJoined ? [...FIELDS, 'joined'] : [...FIELDS];
  const list = sql.raw(columns.join(', '));
  const values = (row: string) => sql.raw(columns.map((c) => (c === 'joined' ? joinedText(row).compile(db).sql : `${row}${c}`)).join(', '));
  await sql`create view songs_visible as select id, ${sql.raw(FIELDS.join(', '))}${withJoined ? sql.raw(`, ${joinedText('').compile(db).sql} as joined`) : sql``}
    from songs where missing_since is null`.execute(db);
  await sql`create virtual table songs_fts using fts5(
    ${list},
    content = 'songs_visible', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'
  )`.execute(db);
  await sql`create trigger songs_fts_insert after insert on songs when new.missing_since is null begin
    insert into songs_fts (rowid, ${list}) values (new.id, ${values('new.')});
  end`.execute(db);
  await sql`create trigger songs_fts_delete after delete on songs when old.missing_since is null begin
    insert into songs_fts (songs_fts, rowid, ${list}) values ('delete', old.id, ${values('old.')});
  end`.execute(db);
  await sql`create trigger songs_fts_update
    after update of title, artist, album, album_artist, genre, missing_since on songs begin
    insert into songs_fts (songs_fts, rowid, ${list})
    select 'delete', old.id, ${values('old.')} where old.missing_since is null;
    insert into songs_fts (rowid, ${list})
    select new.id, ${values('new.')} where new.missing_since is null;
  end`.execute(db);
  await sql`insert into songs_fts (songs_fts) values ('rebuild')`.execute(db);
}

async function dropSearchIndex(db: Kysely<any>): Promise<void> {
  for (const trigger of ['songs_fts_insert', 'songs_fts_delete', 'songs_fts_update']) await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  await sql`drop table songs_fts`.execute(db);
  await sql`drop view songs_visible`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await dropSearchIndex(db);
  await createSearchIndex(db, true);

  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('search_terms_by_shape').on('search_terms').columns(['head', 'length', 'docs']).execute();
  await sql`create virtual table temp.songs_fts_vocab_0014 using fts5vocab(main, songs_fts, 'row')`.execute(db);
  await sql`insert into search_terms (term, head, length, docs)
    select term, substr(term, 1, 1), length(term), doc from temp.songs_fts_vocab_0014`.execute(db);
  await sql`drop table temp.songs_fts_vocab_0014`.execute(db);

  await db.schema.alterTable('playlists').addColumn('rules', 'text').execute();
  await db.schema.alterTable('playlists').addColumn('rules_sort', 'text').execute();
  await db.schema.alterTable('playlists').addColumn('rules_limit', 'integer').execute();
  // Which built-in smart playlist a row is ('recently-added', ...): made for each user when listed.
  await db.schema.alterTable('playlists').addColumn('built_in', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('playlists').dropColumn('built_in').execute();
  await db.schema.alterTable('playlists').dropColumn('rules_limit').execute();
  await db.schema.alterTable('playlists').dropColumn('rules_sort').execute();
  await db.schema.alterTable('playlists').dropColumn('rules').execute();
  await db.schema.dropTable('search_terms').execute();
  await dropSearchIndex(db);
  await createSearchIndex(db, false);
}
