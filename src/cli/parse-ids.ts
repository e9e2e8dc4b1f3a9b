import { MAX_RECORD_ID } from '../services/record-id.js';
import { TunesError } from '../errors.js';

/** Song ids and playlist positions from the command line, checked before any service is opened. */
export function parseIntegers(values: string[], what: string): number[] {
  return values.map((value) => {
    if (!/^\s*\d{1,15}\s*$/.test(value) || Number(value) > MAX_RECORD_ID) throw new TunesError('invalid_input', `not a valid ${what}: ${value}`);
    return Number(value);
  });
}

export function parseInteger(value: string, what: string): number {
  return parseIntegers([value], what)[0] as number;
}
