import { describe, expect, it } from 'vitest';
import {
  albumArtistsOf,
  albumFolderOf,
  discFolderNumber,
  fileOrderOf,
  isVariousArtists,
  naturalKey,
  untaggedNames,
} from '../../src/services/library/album-identity.js';
import { bestFolderCover, imageMime } from '../../src/services/library/cover-image.js';

const tags = (artist: string, album: string, album_artist: string | null = null, compilation_tag = false) => ({
  artist, album, album_artist, compilation_tag,
});

describe('album identity rules', () => {
  it('gives an album artist from the tag, Various Artists for compilations, else the track artist', () => {
    expect(albumArtistsOf([tags('A', 'X', 'Band'), tags('B', 'X', 'band')])).toEqual(['Band', 'band']);
    expect(albumArtistsOf([tags('A', 'X', 'VA'), tags('B', 'X', null, true)])).toEqual(['Various Artists', 'Various Artists']);
    expect(albumArtistsOf([tags('Solo', 'X'), tags('solo', 'x')])).toEqual(['Solo', 'solo']);
  });

  it('makes one title by many artists without an album artist, in one folder, Various Artists', () => {
    expect(albumArtistsOf([tags('A', 'OST'), tags('B', 'ost'), tags('C', 'Other')])).toEqual(['Various Artists', 'Various Artists', 'C']);
    // A track that has the tag keeps it; the untagged ones still make their own album.
    expect(albumArtistsOf([tags('A', 'OST', 'Team'), tags('B', 'OST')])).toEqual(['Team', 'B']);
  });

  it('knows disc folders and puts their songs in the album folder above', () => {
    expect(['CD1', 'cd 2', 'Disc 3', 'disk-4', 'Disc 1 - The Early Years', 'CD10'].map(discFolderNumber)).toEqual([1, 2, 3, 4, 1, 10]);
    expect(['CDs', 'Discovery', 'Part 1', '1999'].map(discFolderNumber)).toEqual([undefined, undefined, undefined, undefined]);
    expect(albumFolderOf('/m/A/Album/CD2/01.mp3')).toBe('/m/A/Album');
    expect(albumFolderOf('/m/A/Album/01.mp3')).toBe('/m/A/Album');
  });

  it('orders file names naturally, disc folders first', () => {
    const names = ['track10.ogg', 'Track2.ogg', 'track1.ogg', 'track02b.ogg'];
    expect([...names].sort((a, b) => naturalKey(a).localeCompare(naturalKey(b)))).toEqual(['track1.ogg', 'Track2.ogg', 'track02b.ogg', 'track10.ogg']);
    expect(fileOrderOf('/m/A/CD2/01.mp3') > fileOrderOf('/m/A/CD1/09.mp3')).toBe(true);
    // The path inside the album folder, wherever that is (the file system's root too).
    expect(fileOrderOf('/m/A/CD2/Tr 3.mp3')).toBe('cd000000000002/tr 000000000003.mp000000000003');
    expect(fileOrderOf('/Tr 3.mp3')).toBe('tr 000000000003.mp000000000003');
  });

  it('names untagged files after their folders, with an artist only when the layout says so', () => {
    expect(untaggedNames('/music/Band/Album/01.mp3', '/music')).toEqual({ album: 'Album', artist: 'Band', disc: null });
    expect(untaggedNames('/music/Album/CD2/01.mp3', '/music')).toEqual({ album: 'Album', artist: null, disc: 2 });
    expect(untaggedNames('/music/Album/01.mp3', '/music')).toEqual({ album: 'Album', artist: null, disc: null });
    expect(untaggedNames('/music/01.mp3', '/music')).toEqual({ album: 'music', artist: null, disc: null });
  });

  it('recognises Various Artists spellings, folder cover names and image bytes', () => {
    expect(['Various Artists', 'VARIOUS', 'va', 'V.A.', 'Várious Artists'].every(isVariousArtists)).toBe(true);
    expect(isVariousArtists('Vanessa')).toBe(false);
    expect(bestFolderCover(['back.jpg', 'Folder.PNG', 'cover.webp', 'front.jpg'])).toBe('cover.webp');
    expect(bestFolderCover(['FRONT.JPEG', 'album.png', 'notes.txt'])).toBe('FRONT.JPEG');
    expect(bestFolderCover(['scan.jpg', 'cover.gif'])).toBeUndefined();
    expect(imageMime(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(imageMime(Buffer.from('not an image'))).toBeUndefined();
  });
});
