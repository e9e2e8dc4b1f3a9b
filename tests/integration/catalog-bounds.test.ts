import { describe, expect, it } from 'vitest';
import { createCatalogService, MAX_OFFSET } from '../../src/services/catalog/catalog-service.js';
import { encodeCursor } from '../../src/services/catalog/cursor.js';
import { MAX_ONE_LETTER_WORDS, MAX_SEARCH_WORDS } from '../../src/services/catalog/search-bounds.js';
import { errorOf } from '../helpers/error-of.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

async function catalog() {
  const store = await testDatabase();
  await seedSongs(store, [
    { title: 'A Day in the Life', artist: 'The Beatles' },
    { title: 'P.S. I Love You', artist: 'The Beatles' },
    { title: 'Losing My Religion', artist: 'R.E.M.' },
  ]);
  return createCatalogService({ db: store.db });
}

/** A cursor as a client could forge it: any JSON, base64url. */
const forged = (state: unknown) => Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');

describe('catalog service: what one search may cost', () => {
  it('takes ordinary searches, initials and all', async () => {
    const songs = await catalog();
    expect((await songs.listSongs({ query: 'a day in the life' })).songs).toHaveLength(1);
    expect((await songs.listSongs({ query: 'r.e.m. religion' })).songs).toHaveLength(1);
    expect((await songs.listSongs({ query: 'p.s. i love you' })).songs).toHaveLength(1);
    const words = Array.from({ length: MAX_SEARCH_WORDS }, (_, i) => `word${i}`).join(' ');
    expect((await songs.listSongs({ query: words })).songs).toEqual([]);
  });

  it('refuses too many words, too many one-letter words, too long a search and control characters', async () => {
    const songs = await catalog();
    const words = Array.from({ length: MAX_SEARCH_WORDS + 1 }, (_, i) => `word${i}`).join(' ');
    expect(await errorOf(songs.listSongs({ query: words }))).toBe(`invalid_input: a search can have at most ${MAX_SEARCH_WORDS} words`);
    const letters = 'a b c d e f g h'.split(' ').slice(0, MAX_ONE_LETTER_WORDS + 1).join(' ');
    expect(await errorOf(songs.listSongs({ query: letters }))).toBe(
      `invalid_input: a search can have at most ${MAX_ONE_LETTER_WORDS} one-letter words`,
    );
    // One word with punctuation is several words to the index.
    expect(await errorOf(songs.listSongs({ query: 'a.b.c.d' }))).toMatch(/one-letter words$/);
    expect(await errorOf(songs.listSongs({ query: Array(250).fill('a').join(' ') }))).toMatch(/^invalid_input/);
    expect(await errorOf(songs.listSongs({ query: 'x'.repeat(501) }))).toBe('invalid_input: a search can be at most 500 characters');
    expect(await errorOf(songs.listSongs({ query: 'day\u0000life' }))).toBe('invalid_input: a search cannot contain control characters');
    expect(await errorOf(songs.listSongs({ query: 'day\u001blife' }))).toMatch(/control characters/);
    // Whitespace of any kind separates words.
    expect((await songs.listSongs({ query: 'day\tin\nthe\r\nlife' })).songs).toHaveLength(1);
  });

  it('refuses a page past any library, in listings and searches', async () => {
    const songs = await catalog();
    for (const query of [undefined, 'beatles']) {
      expect(await errorOf(songs.listSongs({ query, page: 1e20 }))).toBe('invalid_input: page must be a whole number from 1 to 20000001');
      expect(await errorOf(songs.listSongs({ query, page: MAX_OFFSET + 2, limit: 1 }))).toMatch(/^invalid_input: page must be/);
      expect((await songs.listSongs({ query, page: MAX_OFFSET / 50 + 1 })).songs).toEqual([]);
    }
  });

  it('refuses forged cursors: non-scalar sort values, unknown kinds, offsets past the ranked part', async () => {
    const songs = await catalog();
    const bad = [
      forged({ kind: 'key', sort: 'artist', values: [{}, [], 1, 1, 'x', 1] }),
      forged({ kind: 'key', sort: 'title', values: [{ a: 1 }, 2] }),
      forged({ kind: 'key', sort: 'nonsense', values: ['x', 1] }),
      forged({ kind: 'key', sort: 'title', values: ['x'] }),
      forged({ kind: 'ranked', offset: 1e15 }),
      forged({ kind: 'ranked', offset: -1 }),
      forged({ kind: 'ranked', offset: '3' }),
      forged({ kind: 'tail', rowid: 1e300 }),
      forged({ kind: 'tail', rowid: [1] }),
      forged({ kind: 'other' }),
      forged(null),
      forged([1, 2]),
      'not base64 at all!',
    ];
    for (const cursor of bad) {
      expect(await errorOf(songs.listSongs({ cursor }))).toMatch(/^invalid_input: (invalid page cursor|this cursor belongs to a different listing)$/);
      expect(await errorOf(songs.listSongs({ query: 'beatles', cursor }))).toMatch(/^invalid_input: (invalid page cursor|this cursor belongs to a different listing)$/);
    }
    // Real cursors still work.
    const first = await songs.listSongs({ limit: 1 });
    expect((await songs.listSongs({ limit: 1, cursor: first.nextCursor! })).songs).toHaveLength(1);
    const ranked = encodeCursor({ kind: 'ranked', offset: 1 });
    expect((await songs.listSongs({ query: 'beatles', limit: 1, cursor: ranked })).songs).toHaveLength(1);
  });
});
