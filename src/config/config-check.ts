import { TunesError } from '../errors.js';

/**
 * What a config.json must look like for tunes to use it. A file that is not JSON, not an object, or
 * holds a value of the wrong type is reported as one line naming the file and the key (exit 6),
 * never as a stack trace; the file is left as it is for the person to fix. A session token of the
 * wrong type only makes the session unusable (exit 3 where a command needs it; `tunes login`
 * replaces it).
 */
export function configProblem(text: string): string | undefined {
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `it holds ${describe(data)}, not a JSON object`;
  const volume = (data as Record<string, unknown>)['volume'];
  if (volume !== undefined && !(typeof volume === 'number' && Number.isFinite(volume) && volume >= 0 && volume <= 100)) {
    return `"volume" must be a number from 0 to 100, not ${JSON.stringify(volume)}`;
  }
  return undefined;
}

export function unusableConfig(path: string, why: string): TunesError {
  return new TunesError('io', `cannot use the config file ${path}: ${why}`, 'fix the file, or delete it to start over (you will need to log in again)');
}

/** The stored session token, or undefined; anything but a string is an unusable session. */
export function checkSessionToken(value: unknown, path: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new TunesError('not_logged_in', `the session saved in ${path} is unusable ("sessionToken" is ${describe(value)})`, 'log in again: tunes login');
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
