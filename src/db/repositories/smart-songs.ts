import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Song } from '../../domain/song.js';
import type { Comparison, Rule, SmartSort, TextField } from '../../domain/smart-rules.js';
import { fold } from '../../text/fold.js';
import type { Database } from '../schema.js';
import { FOLD_FUNCTION } from '../sql-functions.js';
import { songRowToSong } from './song-row.js';
import { caseless } from '../dialect/caseless.js';

type Db = Kysely<Database> | Transaction<Database>;
type Eb = ExpressionBuilder<Database, 'songs'>;

/** The most songs one smart playlist holds (a rule matching a whole library would otherwise load 1M rows). */
export const SMART_PLAYLIST_CAP = 5000;

/**
 * The visible songs that satisfy `rule` for `userId` (their likes and plays), in `sort` order, at
 * most `limit`. `now` anchors the ages (`added:<14d`).
 */
export async function songsMatchingRules(
  db: Db,
  request: { userId: number; rule: Rule; sort: SmartSort | null; limit: number | null; now: Date },
): Promise<Song[]> {
  const { userId, rule, sort, now } = request;
  const limit = Math.min(request.limit ?? SMART_PLAYLIST_CAP, SMART_PLAYLIST_CAP);
  let query = db
    .selectFrom('songs')
    .selectAll('songs')
    .where('songs.missing_since', 'is', null)
    .where((eb) => condition(eb, rule, userId, now));
  const plays = (eb: Eb) =>
    eb.selectFrom('plays').select(eb.fn.countAll<number>().as('n')).whereRef('plays.song_id', '=', 'songs.id').where('plays.user_id', '=', userId);
  const lastPlayed = (eb: Eb) =>
    eb.selectFrom('plays').select(sql<string>`max(plays.started_at)`.as('t')).whereRef('plays.song_id', '=', 'songs.id').where('plays.user_id', '=', userId);
  const direction = sort?.descending ? 'desc' : 'asc';
  switch (sort?.field ?? 'artist') {
    case 'random':
      query = query.orderBy(sql`random()`);
      break;
    case 'title':
      query = query.orderBy(caseless(db, sql.ref('songs.title')), direction);
      break;
    case 'album':
      query = query.orderBy(caseless(db, sql.ref('songs.album')), direction).orderBy('songs.disc_no').orderBy('songs.track_no');
      break;
    case 'year':
      query = query.orderBy('songs.year', direction);
      break;
    case 'added':
      query = query.orderBy('songs.added_at', direction);
      break;
    case 'duration':
      query = query.orderBy('songs.duration_ms', direction);
      break;
    case 'plays':
      query = query.orderBy((eb) => plays(eb), direction);
      break;
    case 'played':
      query = query.orderBy((eb) => lastPlayed(eb), direction);
      break;
    case 'artist':
      query = query
        .orderBy(caseless(db, sql`coalesce(songs.album_artist_name, songs.artist)`), direction)
        .orderBy('songs.album_order')
        .orderBy('songs.disc_no')
        .orderBy('songs.track_no');
      break;
  }
  const rows = await query.orderBy('songs.id').limit(limit).execute();
  return rows.map(songRowToSong);
}

function condition(eb: Eb, rule: Rule, userId: number, now: Date): Expression<SqlBool> {
  switch (rule.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'and':
      return eb.and(rule.rules.map((r) => condition(eb, r, userId, now)));
    case 'or':
      return eb.or(rule.rules.map((r) => condition(eb, r, userId, now)));
    case 'not':
      return eb.not(condition(eb, rule.rule, userId, now));
    case 'liked':
      return eb.exists(eb.selectFrom('likes').select('likes.id').whereRef('likes.song_id', '=', 'songs.id').where('likes.user_id', '=', userId));
    case 'text':
      return textCondition(rule.field, rule.value);
    case 'number': {
      if (rule.field === 'plays') return compare(playCount(eb, userId), rule.op, rule.value);
      return eb.and([eb(`songs.${rule.field}`, 'is not', null), compare(sql.ref(`songs.${rule.field}`), rule.op, rule.value)]);
    }
    case 'range': {
      const value = rule.field === 'plays' ? playCount(eb, userId) : sql.ref(`songs.${rule.field}`);
      return sql<SqlBool>`${value} between ${rule.from} and ${rule.to}`;
    }
    case 'age': {
      // An age below N is a time after now - N.
      const instant = new Date(now.getTime() - rule.ms).toISOString();
      const flipped: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
      if (rule.field === 'added') return compare(sql.ref('songs.added_at'), flipped[rule.op], instant);
      const last = eb
        .selectFrom('plays')
        .select(sql<string>`max(plays.started_at)`.as('t'))
        .whereRef('plays.song_id', '=', 'songs.id')
        .where('plays.user_id', '=', userId);
      return compare(last, flipped[rule.op], instant);
    }
  }
}

function playCount(eb: Eb, userId: number) {
  return eb.selectFrom('plays').select(eb.fn.countAll<number>().as('n')).whereRef('plays.song_id', '=', 'songs.id').where('plays.user_id', '=', userId);
}

function compare(left: Expression<unknown>, op: Comparison, value: number | string): Expression<SqlBool> {
  // A song never played has no last play: the comparison is false (not unknown), so "-played:<90d" holds for it.
  return sql<SqlBool>`coalesce(${left} ${sql.raw(op)} ${value}, false)`;
}

/**
 * Contains, ignoring case and accents, as search does (tunes_fold is a function on both databases).
 */
function textCondition(field: TextField, value: string): Expression<SqlBool> {
  const pattern = `%${fold(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const fields = field === 'any' ? ['title', 'artist', 'album'] : [field];
  const tests = fields.map((f) => sql<SqlBool>`${sql.raw(FOLD_FUNCTION)}(${sql.ref(`songs.${f}`)}) like ${pattern} escape '\\'`);
  return tests.length === 1 ? tests[0]! : sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
