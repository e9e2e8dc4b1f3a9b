import { TunesError } from '../errors.js';

/**
 * Song ids and playlist positions from the command line, checked before any service is opened. Up to 15
 * digits: a remote library's ids (a Subsonic server's UUIDs, mapped to numbers) go past 32 bits.
 */
export function parseIntegers(values: string[], what: string): number[] {
  return values.map((value) => {
    if (!/^\s*\d{1,15}\s*$/.test(value)) throw new TunesError('invalid_input', `not a valid ${what}: ${value}`);
    return Number(value);
  });
}

export function parseInteger(value: string, what: string): number {
  return parseIntegers([value], what)[0] as number;
}
