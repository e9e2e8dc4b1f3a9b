import type { SearchCandidate } from '../../db/repositories/songs.js';
import { fold } from '../../text/fold.js';

/** How much a match in each field counts: a title or artist hit says more than a genre hit. */
const FIELD_WEIGHTS = [
  ['title', 10],
  ['artist', 8],
  ['album_artist', 5],
  ['album', 4],
  ['genre', 1],
] as const;

const ASCII = /^[\x00-\x7f]*$/;

/** Marks that join a word's parts for search ("R'Lyeh" is "rlyeh", "AC/DC" "acdc"); migration 0014 indexes text without them. */
export const JOINING_MARKS = /['\u2019\u2018`./!-]/g;
const HAS_JOINING_MARK = /['\u2019\u2018`./!-]/;

export function tokens(text: string): string[] {
  return splitFolded(fold(text));
}

function splitFolded(folded: string): string[] {
  // Most tags are ASCII; the Unicode-aware split is several times slower, so only non-ASCII text pays for it.
  const parts = ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u);
  return parts.filter((part) => part !== '');
}

/**
 * Scores one song for a query whose words all matched somewhere (FTS5 decided that). Per field:
 * how much of the query it explains, how much of the field the query covers (a short exact title
 * beats a long one), whole-word over prefix hits, and a bonus when the field is exactly the query.
 */
export function relevance(terms: readonly string[], song: SearchCandidate): number {
  const whole = terms.join(' ');
  let score = 0;
  for (const [field, weight] of FIELD_WEIGHTS) {
    const value = song[field];
    if (!value) continue;
    const folded = fold(value);
    // Most fields of a candidate match nothing; a substring test rules them out before tokenizing.
    const marked = HAS_JOINING_MARK.test(folded);
    if (!terms.some((term) => folded.includes(term)) && !(marked && terms.some((term) => folded.replace(JOINING_MARKS, '').includes(term)))) continue;
    const words = splitFolded(folded);
    if (words.length === 0) continue;
    if (marked) words.push(...splitFolded(folded.replace(JOINING_MARKS, '')));
    let prefixHits = 0;
    let exactHits = 0;
    for (const term of terms) {
      if (words.some((w) => w === term)) exactHits += 1;
      else if (words.some((w) => w.startsWith(term))) prefixHits += 1;
    }
    const hits = prefixHits + exactHits;
    if (hits === 0) continue;
    const coverage = hits / terms.length;
    const tightness = Math.min(1, hits / words.length);
    score += weight * (coverage + 0.5 * tightness + 0.25 * (exactHits / terms.length));
    if (words.join(' ') === whole) score += weight;
  }
  return score;
}

/** Candidates best first (ties by id, so pages are stable). */
export function rankCandidates(query: string, candidates: readonly SearchCandidate[]): SearchCandidate[] {
  const terms = tokens(query);
  return candidates
    .map((song) => ({ song, score: relevance(terms, song) }))
    .sort((a, b) => b.score - a.score || a.song.id - b.song.id)
    .map((entry) => entry.song);
}
