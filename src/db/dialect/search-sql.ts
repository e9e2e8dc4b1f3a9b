import { sql, type Kysely, type RawBuilder } from 'kysely';
import { fold } from '../../text/fold.js';
import type { Database } from '../schema.js';
import { dialectOf } from './dialect.js';

/**
 * An FTS5 MATCH expression of toMatchExpression (`"word"* "other"*`: every word a prefix) as a
 * PostgreSQL tsquery over songs.search_words: each word folded, split into its letters-and-digits
 * parts (FTS5 makes "ac/dc" a phrase of its parts), the parts a phrase (<->), the last a prefix.
 */
export function toTsquery(match: string): string {
  const words = [...match.matchAll(/"((?:[^"]|"")*)"\*?/g)].map((m) => m[1]!.replaceAll('""', '"'));
  const terms = words
    .map((word) => fold(word).split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .map((parts) => parts.map((part, i) => (i === parts.length - 1 ? `${part}:*` : part)).join(' <-> '));
  return terms.length === 0 ? "''" : terms.map((t) => `(${t})`).join(' & ');
}

/** The ids of visible songs matching an FTS5 expression of toMatchExpression, as a subquery. */
export function matchingIds(db: Kysely<Database>, match: string): RawBuilder<unknown> {
  if (dialectOf(db).name === 'postgres') {
    return sql`select id from songs where missing_since is null and search_words @@ to_tsquery('simple', ${toTsquery(match)})`;
  }
  return sql`select rowid from songs_fts where songs_fts match ${match}`; // dialect: sqlite-only (the PostgreSQL twin is above)
}

/** `ref` starts with `prefix` (a path and its separator): a range along SQLite's index, LIKE on PostgreSQL's pattern index. */
export function startsWith(db: Kysely<Database>, ref: RawBuilder<unknown> | ReturnType<typeof sql.ref>, prefix: string, upperBound: string): RawBuilder<unknown> {
  if (dialectOf(db).name === 'postgres') return sql`${ref} like ${prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;
  return sql`${ref} >= ${prefix} and ${ref} < ${upperBound}`;
}

/** SQLite's `indexed by NAME` (a query plan pinned to an index); PostgreSQL plans on its own. */
export function indexedBy(db: Kysely<Database>, index: string): RawBuilder<unknown> {
  return dialectOf(db).name === 'postgres' ? sql`` : sql.raw(`indexed by ${index}`);
}

/** NULL sorts first ascending, as SQLite has it, on both. */
export function nullsFirst(db: Kysely<Database>): RawBuilder<unknown> {
  return dialectOf(db).name === 'postgres' ? sql` nulls first` : sql``;
}

/**
 * `joined`: a song's whole text with the marks that join words removed (AC/DC as acdc): SQLite's
 * songs_fts column of 0014 (filled only for songs whose text holds a mark), computed on PostgreSQL.
 */
export type SearchColumn = 'title' | 'artist' | 'album' | 'album_artist' | 'genre' | 'joined';

/** The marks that join words (src/services/catalog/relevance.ts's JOINING_MARKS), for translate(). */
const JOINING_MARKS = "'\u2019\u2018`./!-";

function postgresColumnText(column: SearchColumn): RawBuilder<unknown> {
  if (column !== 'joined') return sql`coalesce(${sql.ref(column)}, '')`;
  const whole = sql`title || ' ' || artist || ' ' || album || ' ' || coalesce(album_artist, '') || ' ' || coalesce(genre, '')`;
  return sql`translate(${whole}, ${JOINING_MARKS}, '')`;
}

/**
 * The first `limit` (or all) song ids (as `rowid`, in id order) whose `columns` match an FTS5 expression of
 * toMatchExpression, as a subquery: FTS5's column filter on SQLite; on PostgreSQL the search index
 * narrows the rows and the same words are then looked for in those columns alone.
 */
export function matchingIdsIn(db: Kysely<Database>, match: string, columns: readonly SearchColumn[], limit?: number): RawBuilder<unknown> {
  const first = limit === undefined ? sql`` : sql` limit ${limit}`;
  if (dialectOf(db).name === 'postgres') {
    const query = toTsquery(match);
    const text = sql.join(columns.map(postgresColumnText), sql` || ' ' || `);
    return sql`select id as rowid from songs where missing_since is null and search_words @@ to_tsquery('simple', ${query})
      and to_tsvector('simple', regexp_replace(tunes_fold(${text}), '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple', ${query})
      order by id${first}`;
  }
  const columnMatch = `{${columns.join(' ')}} : (${match})`;
  return sql`select rowid from songs_fts where songs_fts match ${columnMatch} order by rowid${first}`; // dialect: sqlite-only (the PostgreSQL twin is above)
}
