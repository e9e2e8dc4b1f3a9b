import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Playlist } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import { SMART_SORTS, type SmartSort, type SmartSortField } from '../../domain/smart-rules.js';
import { SMART_PLAYLIST_CAP, songsMatchingRules } from '../../db/repositories/smart-songs.js';
import type { SmartColumns } from '../../db/repositories/playlists.js';
import { TunesError } from '../../errors.js';
import { parseRules } from './rule-parser.js';

/** The smart playlists every user has. */
export const BUILT_IN_PLAYLISTS: ReadonlyArray<{ key: string; name: string; description: string } & SmartColumns> = [
  { key: 'recently-added', name: 'Recently added', description: 'the 100 songs added last', rules: '', rules_sort: '-added', rules_limit: 100 },
  { key: 'most-played', name: 'Most played', description: 'your 100 most played songs', rules: 'plays:>0', rules_sort: '-plays', rules_limit: 100 },
  { key: 'never-played', name: 'Never played', description: 'songs you have not played yet', rules: 'plays:0', rules_sort: 'random', rules_limit: 200 },
  {
    key: 'forgotten-favourites',
    name: 'Forgotten favourites',
    description: 'songs you like and have not played for 90 days',
    rules: 'liked -played:<90d',
    rules_sort: 'random',
    rules_limit: 100,
  },
];

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
