import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import * as entries from '../../db/repositories/playlist-songs.js';
import type { Playlist, PlaylistDetail, PlaylistSummary } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import { SMART_SORTS, type SmartSort, type SmartSortField } from '../../domain/smart-rules.js';
import { SMART_PLAYLIST_CAP, songsMatchingRules } from '../../db/repositories/smart-songs.js';
import type { SmartColumns } from '../../db/repositories/playlists.js';
import { TunesError } from '../../errors.js';
import { summaryOf } from '../playlists/resolve-playlist.js';
import { parseRules } from './rule-parser.js';

export function parseSort(text: string): SmartSort {
  const descending = text.startsWith('-');
  const field = (descending ? text.slice(1) : text).toLowerCase();
  if (!(SMART_SORTS as readonly string[]).includes(field)) {
    throw new TunesError('invalid_input', `cannot sort a smart playlist by "${text}"; sorts: ${SMART_SORTS.join(', ')} ("-" before a field for descending)`);
  }
  return { field: field as SmartSortField, descending: descending && field !== 'random' };
}

/** Checks rules, sort and limit as given, and answers the columns to store. */
export function smartColumns(input: { rules: string; sort?: string | undefined; limit?: number | undefined }): SmartColumns {
  parseRules(input.rules);
  if (input.sort !== undefined) parseSort(input.sort);
  const limit = input.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > SMART_PLAYLIST_CAP)) {
    throw new TunesError('invalid_input', `a smart playlist's limit must be a whole number from 1 to ${SMART_PLAYLIST_CAP}`);
  }
  return { rules: input.rules.trim(), rules_sort: input.sort ?? null, rules_limit: limit ?? null };
}

/** A smart playlist's songs now (its rules read against the library and the owner's likes and plays). */
export async function smartSongs(db: Kysely<Database>, playlist: Playlist, now: Date): Promise<Song[]> {
  return songsMatchingRules(db, {
    userId: playlist.owner_id,
    rule: parseRules(playlist.rules ?? ''),
    sort: playlist.rules_sort === null ? null : parseSort(playlist.rules_sort),
    limit: playlist.rules_limit,
    now,
  });
}

export function refuseHandEdit(playlist: Playlist): void {
  if (playlist.rules === null) return;
  throw new TunesError('invalid_input', `"${playlist.name}" is a smart playlist: its songs follow its rules (${playlist.rules || 'every song'}), so songs cannot be added, removed or moved by hand`);
}

/** Refuses rules for a built-in (its rules are fixed) and for a playlist that holds songs chosen by hand. */
export async function refuseRulesChange(trx: Kysely<Database>, playlist: Playlist): Promise<void> {
  if (playlist.built_in !== null) throw new TunesError('invalid_input', `"${playlist.name}" is built in: its rules cannot change (make your own smart playlist)`);
  if (playlist.rules === null && (await entries.countEntries(trx, playlist.id)) > 0) {
    throw new TunesError('invalid_input', `"${playlist.name}" holds songs chosen by hand; rules would replace them (make a new smart playlist instead)`);
  }
}

/** A playlist's summary; a smart one's count and length are of the songs its rules match now. */
export async function summaryWithSmart(trx: Kysely<Database>, id: number, now: Date): Promise<PlaylistSummary> {
  const summary = await summaryOf(trx, id);
  return summary.rules === null ? summary : withSmartTotals(trx, summary, now);
}

export async function withSmartTotals(trx: Kysely<Database>, summary: PlaylistSummary, now: Date): Promise<PlaylistSummary> {
  return totalsOf(summary, await smartSongs(trx, summary, now));
}

/** A smart playlist shown as a list: its songs now, numbered from 1, as if added at `now`. */
export async function smartDetail(trx: Kysely<Database>, playlist: Playlist, now: Date): Promise<PlaylistDetail> {
  const songs = await smartSongs(trx, playlist, now);
  const at = now.toISOString();
  return {
    playlist: totalsOf(await summaryOf(trx, playlist.id), songs),
    entries: songs.map((song, i) => ({ playlist_id: playlist.id, position: i + 1, added_at: at, available: true, song })),
  };
}

function totalsOf(summary: PlaylistSummary, songs: Song[]): PlaylistSummary {
  return { ...summary, song_count: songs.length, duration_ms: songs.reduce((sum, s) => sum + (s.duration_ms ?? 0), 0) };
}
