import { TunesError } from '../../errors.js';
import { tokens } from './relevance.js';

/**
 * What one search may ask for. Each word is one more FTS5 posting list to intersect and each
 * one-letter prefix ("a*") one of the longest; a few hundred of them made one search cost ~100x a
 * normal one and held every other request of `tunes serve` behind it. Real searches stay far
 * below these (a prefix of each word is enough: "girl long hair" finds a title of twelve words),
 * and initials ("R.E.M.") are three letters.
 */
export const MAX_SEARCH_CHARACTERS = 500;
export const MAX_SEARCH_WORDS = 10;
export const MAX_ONE_LETTER_WORDS = 3;

/** Control characters other than whitespace mean nothing in a search (a NUL even cuts FTS5's parser short). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Throws invalid_input when a search is beyond what one request may cost. */
export function checkSearchBounds(text: string): void {
  if (CONTROL.test(text)) throw new TunesError('invalid_input', 'a search cannot contain control characters');
  if (text.length > MAX_SEARCH_CHARACTERS) {
    throw new TunesError('invalid_input', `a search can be at most ${MAX_SEARCH_CHARACTERS} characters`);
  }
  const words = tokens(text);
  if (words.length > MAX_SEARCH_WORDS) throw new TunesError('invalid_input', `a search can have at most ${MAX_SEARCH_WORDS} words`);
  if (words.filter((word) => [...word].length === 1).length > MAX_ONE_LETTER_WORDS) {
    throw new TunesError('invalid_input', `a search can have at most ${MAX_ONE_LETTER_WORDS} one-letter words`);
  }
}
