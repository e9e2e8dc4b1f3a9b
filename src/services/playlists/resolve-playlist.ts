import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { Playlist, PlaylistSummary } from '../../domain/playlist.js';
import * as playlists from '../../db/repositories/playlists.js';
import { nameKey } from './playlist-rules.js';
import type { PlaylistRef } from './playlist-types.js';

/**
 * Finds one of the user's own playlists. A string is what a person typed: a name (any case) or,
 * failing that, a numeric id; a name wins, so a playlist called "1999" is found by its name. Code
 * that already holds an id passes `{ id }`. Another user's playlist is never found: its id gets
 * exactly the same answer as an id that does not exist.
 */
export async function resolvePlaylist(db: Kysely<Database>, userId: number, ref: PlaylistRef): Promise<Playlist> {
  if (typeof ref !== 'string') {
    const byId = await playlists.findOwnedById(db, userId, ref.id);
    if (byId) return byId;
    throw playlistNotFound(String(ref.id));
  }
  const byName = await playlists.findOwnedByNameKey(db, userId, nameKey(ref));
  if (byName) return byName;
  const trimmed = ref.trim();
  if (/^\d{1,15}$/.test(trimmed)) {
    const byId = await playlists.findOwnedById(db, userId, Number(trimmed));
    if (byId) return byId;
  }
  throw playlistNotFound(ref);
}

export function playlistNotFound(ref: string): TunesError {
  return new TunesError('not_found', `no playlist "${ref.trim()}"`, 'run `tunes playlist list` to see your playlists');
}

export async function summaryOf(db: Kysely<Database>, id: number): Promise<PlaylistSummary> {
  const row = await playlists.findTotals(db, id);
  if (!row) throw new TunesError('internal', `playlist ${id} vanished inside its own transaction`);
  return row;
}
