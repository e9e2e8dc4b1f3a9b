import { sql, type Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../schema.js';
import { matchingIds } from '../dialect/search-sql.js';
import { dialectOf } from '../dialect/dialect.js';

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

/** What a typo's candidates look like: the first letter kept, a length range, and the word itself. */
export interface TermShape {
  /** The word as typed, folded. */
  word: string;
  minLength: number;
  maxLength: number;
  /** Edits forgiven (1 or 2). */
  edits: number;
  /** The word is being typed: a term may be within the edits of its beginning only. */
  asPrefix: boolean;
}

/**
 * The index's words that could be within `edits` of `word` (whole, or a beginning of them when
 * `asPrefix`): the same first letter (Meilisearch counts a wrong one as two typos, so it is never
 * one) and a length in [minLength, maxLength]; with one edit after the first letter, the term's
 * second or third letter is the word's second or third (every single edit, swap included, leaves
 * one of them in place), which drops terms inside the database (a third of the bench's). On PostgreSQL
 * pg_trgm's similarity() narrows them further, by a bound no term within the edits falls under
 * (trigramFloor). Nothing that could be within the edits is left out: the same terms on both.
 */
export async function termsShaped(db: Db, shape: TermShape): Promise<IndexedTerm[]> {
  const letters = [...shape.word];
  const head = letters[0]!;
  const postgres = dialectOf(db).name === 'postgres';
  // One string of "term docs term docs ...", not a row per term: hundreds of small rows cost more
  // to hand over than the query itself (index words hold no spaces).
  const packed = postgres ? sql<string | null>`string_agg(term || ' ' || docs, ' ')` : sql<string | null>`group_concat(term || ' ' || docs, ' ')`;
  let query = db
    .selectFrom('search_terms')
    .select(packed.as('packed'))
    .where('head', '=', head)
    .where('length', '>=', shape.minLength)
    .where('length', '<=', shape.maxLength);
  if (shape.edits === 1 && letters.length >= 3) {
    const near = [...new Set([letters[1]!, letters[2]!])];
    query = query.where((eb) => eb.or([eb(eb.fn('substr', ['term', eb.val(2), eb.val(1)]), 'in', near), eb(eb.fn('substr', ['term', eb.val(3), eb.val(1)]), 'in', near)]));
  }
  const floor = postgres && (await hasTrigrams(db)) ? trigramFloor(shape) : undefined;
  if (floor !== undefined) {
    // Terms of other letters than a-z0-9 are kept whatever their score: pg_trgm's word characters follow the server's locale.
    const compared = shape.asPrefix ? sql`left(term, ${letters.length + shape.edits})` : sql`term`;
    query = query.where(sql<boolean>`(term !~ '^[a-z0-9]+$' or similarity(${shape.word}, ${compared}) >= ${floor})`);
  }
  const parts = (await query.executeTakeFirst())?.packed?.split(' ') ?? [];
  const terms: IndexedTerm[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) terms.push({ term: parts[i]!, docs: Number(parts[i + 1]) });
  return terms;
}

const trigramsIn = new WeakMap<Db, Promise<boolean>>();

/** Whether pg_trgm is there (migration 0018 creates it when the role may; the answers are the same without it). */
function hasTrigrams(db: Db): Promise<boolean> {
  let known = trigramsIn.get(db);
  if (!known) {
    // similarity() as this connection's search_path finds it (an extension made in another schema is not).
    known = sql<{ found: boolean }>`select to_regprocedure('similarity(text,text)') is not null as found`
      .execute(db)
      .then(({ rows }) => rows[0]?.found === true)
      .catch(() => {
        trigramsIn.delete(db);
        return false;
      });
    trigramsIn.set(db, known);
  }
  return known;
}

/**
 * The least pg_trgm similarity a term within the edits can have with the word, a little under (a
 * float4 is compared): pg_trgm's trigrams of a word are those of it with two spaces before and one
 * after; one edit touches at most 4 of them (a swap; 3 otherwise), so a term within `edits` keeps all
 * but 4 per edit of the word's distinct trigrams (one more when only its beginning is compared: that
 * beginning's last trigram holds the closing space), and has at most maxLength + 1 of its own
 * (beginnings: word length + edits). undefined when no bound above zero holds, or the word is not
 * plain a-z0-9 (pg_trgm's idea of a word character is the server locale's).
 */
export function trigramFloor(shape: TermShape): number | undefined {
  if (!/^[a-z0-9]+$/.test(shape.word)) return undefined;
  const padded = `  ${shape.word} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3));
  const kept = trigrams.size - 4 * shape.edits - (shape.asPrefix ? 1 : 0);
  if (kept <= 0) return undefined;
  const longest = shape.asPrefix ? shape.word.length + shape.edits : shape.maxLength;
  return kept / (trigrams.size + longest + 1 - kept) - 1e-4;
}

/**
 * Reads the FTS index's vocabulary into search_terms again (after a scan changed songs). fts5vocab
 * walks every doclist: ~1 s at 1M songs, so only scans that changed something call it.
 * dialect: sqlite-only (PostgreSQL's twin reads ts_stat: src/db/dialect/postgres-song-writer.ts).
 */
export function refreshSearchTerms(sqlite: BetterSqlite3.Database): void {
  sqlite.exec("create virtual table if not exists temp.songs_fts_vocab using fts5vocab(main, songs_fts, 'row')");
  sqlite.transaction(() => {
    sqlite.exec('delete from search_terms');
    sqlite.exec(`insert into search_terms (term, head, length, docs)
      select term, substr(term, 1, 1), length(term), doc from temp.songs_fts_vocab`);
  })();
}
