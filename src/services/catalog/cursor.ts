import { TunesError } from '../../errors.js';
import type { SongSort, SortValue } from '../../db/repositories/song-order.js';

/**
 * What a page cursor carries, opaque to callers: a sort key for ordered listings, an offset inside
 * the ranked part of a search, or a rowid inside the search's unranked tail.
 */
export type CursorState =
  | { kind: 'key'; sort: SongSort; values: SortValue[] }
  | { kind: 'ranked'; offset: number }
  | { kind: 'tail'; rowid: number };

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (state.kind === 'key' && Array.isArray(state.values)) return state;
    if (state.kind === 'ranked' && Number.isInteger(state.offset) && state.offset >= 0) return state;
    if (state.kind === 'tail' && Number.isInteger(state.rowid)) return state;
  } catch {
    // fall through to the one error below
  }
  throw new TunesError('invalid_input', 'invalid page cursor');
}
