import { sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's twin of SQLite 0014's `joined` column: punctuation inside words stops splitting them
 * for search, so "rlyeh" finds R'Lyeh and "acdc" AC/DC. songs.search_words is made again with, for a
 * song whose text holds one of the joining marks, the same text with those marks removed added to its
 * words (most songs have none: the index grows little). A generated column cannot be altered, so it is
 * dropped and added again, which rewrites songs and rebuilds the GIN index (about a minute at 1M songs).
 */
// Frozen once landed: later schema changes get a new migration.

/** Marks that join words instead of splitting them (frozen copy: src/services/catalog/relevance.ts has the live one, JOINING_MARKS). */
const JOINERS = "'\u2019\u2018`./!-";
const TEXT = `title || ' ' || artist || ' ' || album || ' ' || coalesce(album_artist, '') || ' ' || coalesce(genre, '')`;
const words = (text: string) => `regexp_replace(tunes_fold(${text}), '[^[:alnum:]]+', ' ', 'g')`;
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table songs drop column search_words`.execute(db);
  await sql.raw(`alter table songs add column search_words tsvector generated always as (to_tsvector('simple',
    ${words(TEXT)} || case when (${TEXT}) ~ ${quoted(`[${JOINERS}]`)}
      then ' ' || ${words(`translate(${TEXT}, ${quoted(JOINERS)}, '')`)} else '' end)) stored`).execute(db);
  await sql`create index songs_search on songs using gin (search_words) where missing_since is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table songs drop column search_words`.execute(db);
  await sql.raw(`alter table songs add column search_words tsvector generated always as (to_tsvector('simple', ${words(TEXT)})) stored`).execute(db);
  await sql`create index songs_search on songs using gin (search_words) where missing_since is null`.execute(db);
}
