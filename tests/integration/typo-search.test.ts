import { describe, expect, it } from 'vitest';
import { searchTable, type SearchCase } from '../helpers/search-table.js';

// Issue 18's forgiving search, on both databases (SQLite; PostgreSQL under test:pg, its candidates
// narrowed by pg_trgm): the same table, the same answers in the same order.

const LIBRARY = [
  { title: 'Halo', artist: 'Beyoncé', album: 'I Am... Sasha Fierce' },
  { title: 'Creep', artist: 'Radiohead', album: 'Pablo Honey' },
  { title: 'Hoppípolla', artist: 'Sigur Rós', album: 'Takk...' },
  { title: 'The Call of Cthulhu', artist: "R'Lyeh Choir", album: 'Dreams' },
  { title: 'Thunderstruck', artist: 'AC/DC', album: 'The Razors Edge' },
  { title: 'Cat People', artist: 'David Bowie', album: 'Let’s Dance' },
  { title: 'Car Wash', artist: 'Rose Royce', album: 'Car Wash' },
  { title: 'Losing My Religion', artist: 'R.E.M.', album: 'Out of Time' },
  { title: 'Paranoid Android', artist: 'Radiohead', album: 'OK Computer' },
  { title: 'Extraordinary Machine', artist: 'Fiona Apple', album: 'Extraordinary Machine' },
  { title: 'Hip Hop Hooray', artist: 'Naughty by Nature', album: '19 Naughty III', genre: 'Hip-Hop' },
];

const CASES: SearchCase[] = [
  ['beyonse', ['Halo'], 'one substitution in 7 letters'],
  ['beyonc', ['Halo'], 'a prefix stays a prefix'],
  ['beyons', ['Halo'], 'a typo in the word being typed, as a prefix'],
  ['radiohaed', ['Creep', 'Paranoid Android'], 'a swap of two letters is one edit'],
  ['radoihaed', ['Creep', 'Paranoid Android'], 'two edits in 9 letters'],
  ['sigur rso', ['Hoppípolla'], 'a swap in a short word, accents ignored'],
  ['rlyeh', ['The Call of Cthulhu'], 'an apostrophe inside a word ignored'],
  ['acdc', ['Thunderstruck'], 'a slash inside a word ignored'],
  ['ac dc', ['Thunderstruck'], 'the parts still match'],
  ['rem', ['Losing My Religion'], 'dots of initials ignored'],
  ['lets dance', ['Cat People'], 'a typographic apostrophe ignored'],
  ['hiphop', ['Hip Hop Hooray'], 'a hyphen ignored'],
  ['extraordinray machine', ['Extraordinary Machine'], 'a swap in a long word'],
  ['cat', ['Cat People'], 'cat must not find car songs when cat songs exist'],
  ['car', ['Car Wash'], 'and car not cat'],
  ['cta', ['Cat People'], 'a short word: a swap of two letters after the first'],
  ['act', [], 'a short word: never a swap with the first letter'],
  ['cak', [], 'a short word: a substitution is not forgiven (cat and car are both one away)'],
  ['xeep', [], 'a wrong first letter is not one typo'],
  ['crep', [], 'four letters: a missing letter is not forgiven'],
  ['halp', [], 'four letters: a substitution is not forgiven'],
  ['radoihaedd', [], 'three edits are too many even for 10 letters'],
  ['beyonse halo', ['Halo'], 'a typo beside an exact word'],
  ['beyonse creep', [], 'a corrected word still has to match with the rest'],
];

describe('typo-tolerant search (table)', () => {
  const { catalog: current } = searchTable(LIBRARY, CASES);

  it('the same correction with a sort and over cursor pages', async () => {
    const catalog = current();
    const sorted = await catalog.listSongs({ query: 'radiohaed', sort: 'title' });
    expect(sorted.songs.map((s) => s.title)).toEqual(['Creep', 'Paranoid Android']);
    const first = await catalog.listSongs({ query: 'radiohaed', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await catalog.listSongs({ query: 'radiohaed', limit: 1, cursor: first.nextCursor! });
    expect([...first.songs, ...second.songs].map((s) => s.title).sort()).toEqual(['Creep', 'Paranoid Android']);
  });
});
