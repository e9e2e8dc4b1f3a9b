import { TunesError } from '../../errors.js';
import { SONG_SORTS, sortKeyCount, type SongSort, type SortValue } from '../../db/repositories/song-order.js';

/**
 * What a page cursor carries, opaque to callers: a sort key for ordered listings, an offset inside
 * the ranked part of a search, or a rowid inside the search's unranked tail.
 */
export type CursorState =
  | { kind: 'key'; sort: SongSort; values: SortValue[] }
  | { kind: 'ranked'; offset: number }
  | { kind: 'tail'; rowid: number };

/** Longer than any tag a sort key can hold (a cursor's text arrives from clients). */
const MAX_KEY_TEXT = 10_000;

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/**
 * A cursor comes back from clients, so it is checked as input: made-up kinds, objects where a sort
 * value belongs, or offsets past the ranked part are refused like any other bad value.
 */
export function decodeCursor(cursor: string, { maxRankedOffset }: { maxRankedOffset: number }): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    state = undefined;
  }
  if (isCursorState(state, maxRankedOffset)) return state;
  throw new TunesError('invalid_input', 'invalid page cursor');
}

function isCursorState(state: unknown, maxRankedOffset: number): state is CursorState {
  if (typeof state !== 'object' || state === null) return false;
  const { kind, sort, values, offset, rowid } = state as Record<string, unknown>;
  switch (kind) {
    case 'key':
      return (
        typeof sort === 'string' &&
        (SONG_SORTS as readonly string[]).includes(sort) &&
        Array.isArray(values) &&
        values.length === sortKeyCount(sort as SongSort) &&
        values.every(isSortValue)
      );
    case 'ranked':
      return Number.isSafeInteger(offset) && (offset as number) >= 0 && (offset as number) <= maxRankedOffset;
    case 'tail':
      return Number.isSafeInteger(rowid) && (rowid as number) >= 0;
    default:
      return false;
  }
}

function isSortValue(value: unknown): value is SortValue {
  return (
    value === null ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= MAX_KEY_TEXT)
  );
}
