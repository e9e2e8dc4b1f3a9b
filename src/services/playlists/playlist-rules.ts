import { TunesError } from '../../errors.js';
import { fold } from '../../text/fold.js';

export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 1000;

/** Trims and checks a playlist name: 1-100 characters, not blank, no control characters. */
export function validatePlaylistName(raw: string): string {
  const name = raw.trim().normalize('NFC');
  const length = [...name].length;
  if (length === 0) throw new TunesError('invalid_input', 'playlist name must not be blank');
  if (length > MAX_NAME_LENGTH) {
    throw new TunesError('invalid_input', `playlist name must be 1-${MAX_NAME_LENGTH} characters (got ${length})`);
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new TunesError('invalid_input', 'playlist name must not contain control characters such as line breaks');
  }
  return name;
}

export function validateDescription(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const description = raw.trim();
  if (description === '') return null;
  if ([...description].length > MAX_DESCRIPTION_LENGTH) {
    throw new TunesError('invalid_input', `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  return description;
}

/**
 * What names are compared by, like every other name in tunes: case and accents ignored (src/text/
 * fold.ts), typographic apostrophes, quotes and dashes taken as the plain ones, runs of spaces as
 * one. "Café Mix", "cafe  mix" and "CAFE MIX" are one name; so are "Don’t Stop" and "don't stop".
 * The unique index on (owner_id, name_key) holds these keys: changing this function needs a
 * migration that recomputes them (0010 holds a frozen copy of this one).
 */
export function nameKey(name: string): string {
  return fold(name.normalize('NFC'))
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function requirePositiveIds(ids: number[], what: string): number[] {
  if (ids.length === 0) throw new TunesError('usage', `give at least one ${what}`);
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || id < 1) throw new TunesError('invalid_input', `not a valid ${what}: ${id}`);
  }
  return ids;
}

export function requirePosition(position: number, count: number, what = 'position', max = count): void {
  if (!Number.isSafeInteger(position) || position < 1 || position > max) {
    const range = max === 0 ? 'the playlist is empty' : `expected 1-${max}`;
    throw new TunesError('invalid_input', `${what} ${position} is out of range (${range})`);
  }
}
