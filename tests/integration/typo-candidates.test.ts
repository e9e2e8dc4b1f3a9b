import { describe, expect, it } from 'vitest';
import { termsShaped } from '../../src/db/repositories/search-terms.js';
import { typoShape } from '../../src/services/catalog/typo-tolerance.js';
import { editDistances } from '../../src/text/edit-distance.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

/** mulberry32: the same words every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few letters, so most words have many neighbours within one or two edits: the case where a filter
// that drops too much would show.
const LETTERS = 'abcde';

function randomWord(random: () => number, length: number): string {
  return Array.from({ length }, (_, i) => (i === 0 ? 'a' : LETTERS[Math.floor(random() * LETTERS.length)]!)).join('');
}

function mutated(random: () => number, word: string): string {
  let out = word;
  const edits = Math.floor(random() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = 1 + Math.floor(random() * Math.max(1, out.length - 1));
    const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
    const kind = Math.floor(random() * 4);
    out = kind === 0 ? out.slice(0, at) + letter + out.slice(at + 1)
      : kind === 1 ? out.slice(0, at) + out.slice(at + 1)
      : kind === 2 ? out.slice(0, at) + letter + out.slice(at)
      : at < out.length - 1 ? out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2) : out;
  }
  return random() < 0.3 ? out.slice(0, Math.max(3, out.length - 2)) : out;
}

describe('typo candidates (the database narrows them; none within the budget is lost)', () => {
  it('every term within the budget of a word, whole or as a beginning, is among its candidates', async () => {
    const store = await testDatabase();
    const random = prng(5);
    const words = [...new Set(Array.from({ length: 600 }, () => randomWord(random, 3 + Math.floor(random() * 10))))];
    const titles: string[] = [];
    for (let i = 0; i < words.length; i += 6) titles.push(words.slice(i, i + 6).join(' '));
    await seedSongs(store, titles.map((title) => ({ title, artist: 'Zz', album: 'Zz' })));
    const vocabulary = await store.db.selectFrom('search_terms').select(['term', 'head', 'length']).execute();

    let checked = 0;
    let within = 0;
    let narrowed = 0;
    for (let i = 0; i < 400; i += 1) {
      const probe = mutated(random, words[Math.floor(random() * words.length)]!);
      for (const asPrefix of [false, true]) {
        const shape = typoShape(probe, asPrefix);
        if (shape === undefined) continue;
        const inShape = vocabulary.filter((t) => t.head === probe[0] && t.length >= shape.minLength && t.length <= shape.maxLength);
        const expected = inShape
          .filter((t) => {
            const { whole, prefix } = editDistances(probe, t.term, shape.edits);
            return whole <= shape.edits || (shape.asPrefix && prefix <= shape.edits);
          })
          .map((t) => t.term);
        const got = new Set((await termsShaped(store.db, shape)).map((t) => t.term));
        const lost = expected.filter((term) => !got.has(term));
        expect(lost, `${probe} (${asPrefix ? 'as a beginning' : 'whole'}): candidates left out`).toEqual([]);
        checked += 1;
        within += expected.length;
        if (got.size < inShape.length) narrowed += 1;
      }
    }
    // The check saw real neighbours, and the database did narrow most shapes.
    expect(checked).toBeGreaterThan(500);
    expect(within).toBeGreaterThan(500);
    expect(narrowed).toBeGreaterThan(checked / 2);
  });
});
