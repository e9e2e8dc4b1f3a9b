import { isRecordId } from '../../services/record-id.js';
import { ErrorCode, SubsonicFailure } from './envelope.js';

/**
 * Subsonic ids are strings. Songs are their catalogue id as it is ("42"); albums and artists carry
 * a prefix ("al-7", "ar-3") because getMusicDirectory, getCoverArt and star take all three in one
 * parameter. Playlists are their own id ("5"): only playlist endpoints take them. All stable across
 * rescans, since the catalogue's ids are.
 */
export type EntityId = { kind: 'song'; id: number } | { kind: 'album'; id: number } | { kind: 'artist'; id: number };

export const songId = (id: number) => String(id);
export const albumId = (id: number) => `al-${id}`;
export const artistId = (id: number) => `ar-${id}`;
/** The one music folder (getMusicFolders): the whole library. */
export const MUSIC_FOLDER_ID = 1;

const PATTERN = /^(al-|ar-)?([1-9]\d{0,15})$/;

export function parseEntityId(raw: string): EntityId {
  const match = PATTERN.exec(raw.trim());
  const id = match ? Number(match[2]) : NaN;
  if (!match || !isRecordId(id)) throw new SubsonicFailure(ErrorCode.notFound, `no item with id ${raw}`);
  if (match[1] === 'al-') return { kind: 'album', id };
  if (match[1] === 'ar-') return { kind: 'artist', id };
  return { kind: 'song', id };
}

export function parseKindId(raw: string, kind: EntityId['kind']): number {
  const parsed = parseEntityId(raw);
  if (parsed.kind !== kind) throw new SubsonicFailure(ErrorCode.notFound, `no ${kind} with id ${raw}`);
  return parsed.id;
}

/** A playlist (or other plain numeric) id. */
export function parsePlainId(raw: string, what: string): number {
  const id = Number(raw);
  if (!/^[1-9]\d{0,15}$/.test(raw.trim()) || !isRecordId(id)) throw new SubsonicFailure(ErrorCode.notFound, `no ${what} with id ${raw}`);
  return id;
}
