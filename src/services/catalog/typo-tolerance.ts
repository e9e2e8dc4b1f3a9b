import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hasTermWithPrefix, termsShaped, type IndexedTerm, type TermShape } from '../../db/repositories/search-terms.js';
import { editDistances } from '../../text/edit-distance.js';
import { fold } from '../../text/fold.js';

/**
 * Typos forgiven in a word, as Meilisearch allows them: one for 5 to 8 letters, two for 9 or more.
 * A word of 3 or 4 letters may have two neighbours swapped ("rso" for "rós"), nothing else: a
 * substitution there turns "cat" into "car". A wrong first letter is never forgiven (Meilisearch
 * counts it as two typos), which also keeps the candidates to one letter's words.
 */
export function typoBudget(word: string): { edits: number; swapOnly: boolean } {
  const length = [...word].length;
  if (length >= 9) return { edits: 2, swapOnly: false };
  if (length >= 5) return { edits: 1, swapOnly: false };
  if (length >= 3) return { edits: 1, swapOnly: true };
  return { edits: 0, swapOnly: false };
}

const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The search again with each word that matches nothing replaced by the indexed word closest to it
 * (fewest edits, then whole words before prefixes, then the most common); undefined when no word
 * could be corrected. Only called once the search as typed found nothing, so exact and prefix
 * matches always win and a plain search pays nothing for this.
 */
export async function forgivingQuery(db: Kysely<Database>, text: string): Promise<string | undefined> {
  const words = text.split(/\s+/u).filter((word) => word !== '');
  let changed = false;
  const corrected: string[] = [];
  for (const [index, word] of words.entries()) {
    const folded = fold(word);
    const replacement = PLAIN_WORD.test(folded) && !(await hasTermWithPrefix(db, folded))
      ? await closestTerm(db, folded, index === words.length - 1)
      : undefined;
    if (replacement !== undefined) changed = true;
    corrected.push(replacement ?? word);
  }
  return changed ? corrected.join(' ') : undefined;
}

interface Scored {
  term: string;
  distance: number;
  prefix: boolean;
  docs: number;
}

/**
 * Where a word's corrections are looked for (undefined: none is forgiven). The last word is being
 * typed: a term whose beginning is within the budget counts too ("beyons" -> "beyonce"). A swap
 * keeps the length: a short word's candidates are only the terms of its own length.
 */
export function typoShape(word: string, asPrefix: boolean): TermShape | undefined {
  const { edits, swapOnly } = typoBudget(word);
  if (edits === 0) return undefined;
  const length = [...word].length;
  return {
    word,
    edits,
    asPrefix: asPrefix && !swapOnly,
    minLength: swapOnly ? length : length - edits,
    maxLength: swapOnly ? length : asPrefix ? length + 64 : length + edits,
  };
}

async function closestTerm(db: Kysely<Database>, word: string, asPrefix: boolean): Promise<string | undefined> {
  const shape = typoShape(word, asPrefix);
  if (shape === undefined) return undefined;
  const { swapOnly } = typoBudget(word);
  const candidates = await termsShaped(db, shape);
  let best: Scored | undefined;
  for (const candidate of candidates) {
    const scored = score(word, candidate, shape.edits, swapOnly, shape.asPrefix);
    if (scored && (!best || better(scored, best))) best = scored;
  }
  return best?.term;
}

function score(word: string, candidate: IndexedTerm, edits: number, swapOnly: boolean, asPrefix: boolean): Scored | undefined {
  const { term, docs } = candidate;
  if (swapOnly) return isOneSwap(word, term) ? { term, distance: 1, prefix: false, docs } : undefined;
  const { whole, prefix } = editDistances(word, term, edits);
  if (whole <= edits) return { term, distance: whole, prefix: false, docs };
  return asPrefix && prefix <= edits ? { term, distance: prefix, prefix: true, docs } : undefined;
}

function better(a: Scored, b: Scored): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.prefix !== b.prefix) return !a.prefix;
  if (a.docs !== b.docs) return a.docs > b.docs;
  return a.term < b.term;
}

/** Same letters with exactly one pair of neighbours swapped, the first letter kept. */
function isOneSwap(word: string, term: string): boolean {
  const a = [...word];
  const b = [...term];
  if (a.length !== b.length) return false;
  const diff = a.flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && diff[0]! > 0 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
