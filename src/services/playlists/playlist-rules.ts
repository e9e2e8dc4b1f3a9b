import { TunesError } from '../../errors.js';

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

/** What names are compared by: "Road Trip", "road trip " and "ROAD TRIP" are one name. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
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
