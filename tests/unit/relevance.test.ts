import { describe, expect, it } from 'vitest';
import { rankCandidates, tokens } from '../../src/services/catalog/relevance.js';

const song = (id: number, title: string, artist = 'X', album = 'Y', genre: string | null = null) => ({
  id, title, artist, album, album_artist: null, genre,
});

describe('relevance', () => {
  it('folds case and accents and splits on anything but letters and digits', () => {
    expect(tokens('Sigur Rós – Hoppípolla')).toEqual(['sigur', 'ros', 'hoppipolla']);
    expect(tokens('AC/DC')).toEqual(['ac', 'dc']);
    expect(tokens('夜に駆ける')).toEqual(['夜に駆ける']);
  });

  it('puts exact, short, title and artist matches above partial, long, album and genre ones', () => {
    const ranked = rankCandidates('love', [
      song(1, 'Something', 'X', 'Love Songs Vol 3'),
      song(2, 'Other', 'X', 'Y', 'Love'),
      song(3, 'Lovely Day'),
      song(4, 'Love'),
      song(5, 'Love Me Tender Tonight Forever'),
      song(6, 'Song', 'Love'),
    ]);
    expect(ranked.map((s) => s.id)).toEqual([4, 6, 5, 3, 1, 2]);
  });

  it('prefers songs where one field explains every word, and breaks ties by id', () => {
    const ranked = rankCandidates('sigur ros', [
      song(9, 'Ros', 'Sigur Band'),
      song(3, 'Untitled', 'Sigur Rós'),
      song(2, 'Untitled', 'Sigur Rós'),
    ]);
    expect(ranked.map((s) => s.id)).toEqual([2, 3, 9]);
  });
});
