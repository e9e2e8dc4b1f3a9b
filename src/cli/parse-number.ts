import { TunesError } from '../errors.js';

/** A commander option parser for whole numbers; bad values are a usage error (exit 2). */
export function wholeNumber(name: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim())) throw new TunesError('invalid_input', `${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}
