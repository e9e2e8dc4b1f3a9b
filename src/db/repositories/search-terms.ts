import { sql, type Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../schema.js';
import { matchingIds } from '../dialect/search-sql.js';

type Db = Kysely<Database>;

/** A word of the search index with how many songs hold it. */
export interface IndexedTerm {
  term: string;
  docs: number;
}

/**
 * Whether any visible song has a word starting with `word` (already folded): one probe of the FTS
 * index that stops at the first match.
 * (matchingIds: FTS5 on SQLite, the tsvector on PostgreSQL.)
 */
export async function hasTermWithPrefix(db: Db, word: string): Promise<boolean> {
  const phrase = `"${word.replaceAll('"', '""')}"*`;
  const { rows } = await sql<{ one: number }>`select 1 as one from (${matchingIds(db, phrase)}) m limit 1`.execute(db);
  return rows.length > 0;
}

/**
 * The index's words that start with `head` and have a length in [minLength, maxLength]: the
 * candidates of a typo (Meilisearch counts a wrong first letter as two typos, so it is never one).
 */
export async function termsShaped(db: Db, shape: { head: string; minLength: number; maxLength: number }): Promise<IndexedTerm[]> {
  return db
    .selectFrom('search_terms')
    .select(['term', 'docs'])
    .where('head', '=', shape.head)
    .where('length', '>=', shape.minLength)
    .where('length', '<=', shape.maxLength)
    .execute();
}

/**
 * Reads the FTS index's vocabulary into search_terms again (after a scan changed songs). fts5vocab
 * walks every doclist: ~1 s at 1M songs, so only scans that changed something call it.
 * dialect: sqlite-only (needs a PostgreSQL twin: pg_trgm over ts_stat's words, or no table at all).
 */
export function refreshSearchTerms(sqlite: BetterSqlite3.Database): void {
  sqlite.exec("create virtual table if not exists temp.songs_fts_vocab using fts5vocab(main, songs_fts, 'row')");
  sqlite.transaction(() => {
    sqlite.exec('delete from search_terms');
    sqlite.exec(`insert into search_terms (term, head, length, docs)
      select term, substr(term, 1, 1), length(term), doc from temp.songs_fts_vocab`);
  })();
}
