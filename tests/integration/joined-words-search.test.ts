import { describe, expect, it } from 'vitest';
import { searchTable, type SearchCase } from '../helpers/search-table.js';

// Issue 18's words joined across punctuation, on both databases (SQLite: songs_fts's `joined`
// column, 0014; PostgreSQL: the joined words inside search_words, its 0016).
const LIBRARY = [
  { title: 'The Call of Cthulhu', artist: "R'Lyeh Choir", album: 'Dreams' },
  { title: 'Thunderstruck', artist: 'AC/DC', album: 'The Razors Edge' },
  { title: 'Cat People', artist: 'David Bowie', album: 'Let’s Dance' },
  { title: 'Losing My Religion', artist: 'R.E.M.', album: 'Out of Time' },
  { title: 'Hip Hop Hooray', artist: 'Naughty by Nature', album: '19 Naughty III', genre: 'Hip-Hop' },
  { title: "Don't Stop Me Now", artist: 'Queen', album: 'Jazz' },
  { title: 'Wham!Bam', artist: 'Exclaim', album: 'Marks' },
  { title: 'Dont Panic', artist: 'Coldplay', album: 'Parachutes' },
  { title: 'Creep', artist: 'Radiohead', album: 'Pablo Honey' },
];

const CASES: SearchCase[] = [
  ['rlyeh', ['The Call of Cthulhu'], 'an apostrophe inside a word ignored'],
  ['rly', ['The Call of Cthulhu'], 'the joined word is a prefix too'],
  ["r'lyeh", ['The Call of Cthulhu'], 'the word as written still matches'],
  ['lyeh', ['The Call of Cthulhu'], 'and its parts'],
  ['acdc', ['Thunderstruck'], 'a slash inside a word ignored'],
  ['ac dc', ['Thunderstruck'], 'the parts still match'],
  ['ac/dc', ['Thunderstruck'], 'as written'],
  ['rem', ['Losing My Religion'], 'dots of initials ignored'],
  ['lets dance', ['Cat People'], 'a typographic apostrophe ignored'],
  ['hiphop', ['Hip Hop Hooray'], 'a hyphen ignored'],
  ['whambam', ['Wham!Bam'], 'an exclamation mark ignored'],
  ['dont', ['Dont Panic', "Don't Stop Me Now"], 'Don\'t and Dont both, the title without the mark first (exact)'],
  ['dont stop', ["Don't Stop Me Now"], 'a joined word beside a plain one'],
  ['acdc creep', [], 'every word must still match'],
  ['cthulhu', ['The Call of Cthulhu'], 'plain words unchanged'],
];

describe('search joins words across punctuation (both databases)', () => {
  const table = searchTable(LIBRARY, CASES);

  it('follows a tag edit and a song going missing', async () => {
    const store = table.store();
    const catalog = table.catalog();
    await store.db.updateTable('songs').set({ artist: 'Jay-Z' }).where('title', '=', 'Creep').execute();
    expect((await catalog.listSongs({ query: 'jayz' })).songs.map((s) => s.title)).toEqual(['Creep']);
    expect((await catalog.listSongs({ query: 'radiohead' })).songs).toEqual([]);
    await store.db.updateTable('songs').set({ missing_since: new Date(0).toISOString() }).where('title', '=', 'Thunderstruck').execute();
    expect((await catalog.listSongs({ query: 'acdc' })).songs).toEqual([]);
  });
});
