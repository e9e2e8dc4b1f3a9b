import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../src/daemon/bridges/mpd/command-line.js';
import { matches, narrowingOf } from '../../../src/daemon/bridges/mpd/filter-match.js';
import { LibraryUris } from '../../../src/daemon/bridges/mpd/library-uris.js';
import { isLoopback, parseListenAddress } from '../../../src/daemon/bridges/mpd/listen-address.js';
import { parseFilterArgs } from '../../../src/daemon/bridges/mpd/song-filter.js';
import type { Song } from '../../../src/domain/song.js';

const failure = (run: () => unknown) => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return `${(error as { code?: number }).code} ${(error as Error).message}`;
  }
};

const song = (over: Partial<Song>): Song => ({
  id: 1, path: '/m/Music/Band/Album/01.flac', title: 'Song One', artist: 'The Beatles', artist_id: null, album: 'Help!', album_id: null, album_artist: null, compilation: false, genre: 'Rock',
  year: 1965, track_no: 1, disc_no: null, duration_ms: 120_000, codec: 'flac', bitrate: null, sample_rate: 44100,
  replaygain_track_gain_db: null, replaygain_track_peak: null, replaygain_album_gain_db: null, replaygain_album_peak: null,
  size: 1, mtime_ms: 0, added_at: '2026-01-01T00:00:00.000Z', missing_since: null, ...over,
});

describe('MPD request lines', () => {
  it('splits bare and quoted arguments with backslash escapes', () => {
    expect(splitCommandLine('add "Music/a \\"b\\" c\\\\d"')).toEqual({ name: 'add', args: ['Music/a "b" c\\d'] });
    expect(splitCommandLine('  find  artist   x ')).toEqual({ name: 'find', args: ['artist', 'x'] });
    expect(splitCommandLine('search ""')).toEqual({ name: 'search', args: [''] });
    expect(failure(() => splitCommandLine('add "open'))).toBe('2 Missing closing \'"\'');
    expect(failure(() => splitCommandLine('add a"b'))).toBe('2 Invalid unquoted character');
  });
});

describe('MPD filters', () => {
  const uris = new LibraryUris(['/m/Music']);
  const test = (args: string[], fold: boolean, s: Song) => matches(parseFilterArgs(args, fold), s, uris);

  it('finds exactly and searches ignoring case, in both syntaxes', () => {
    expect(test(['artist', 'The Beatles'], false, song({}))).toBe(true);
    expect(test(['artist', 'the beatles'], false, song({}))).toBe(false);
    expect(test(['artist', 'beat'], true, song({}))).toBe(true);
    expect(test(['(artist == "The Beatles")'], false, song({}))).toBe(true);
    expect(test(['((artist contains "Beat") AND (!(title == "Song Two")))'], false, song({}))).toBe(true);
    expect(test(['(albumartist == "The Beatles")'], false, song({}))).toBe(true);
    expect(test(['(album == "")'], false, song({ album: '' }))).toBe(true);
    expect(test(['(base "Music/Band")'], false, song({}))).toBe(true);
    expect(test(['(base "Music/Ban")'], false, song({}))).toBe(false);
    expect(test(['(file == "Music/Band/Album/01.flac")'], false, song({}))).toBe(true);
    expect(test(['any', 'help'], true, song({}))).toBe(true);
    expect(test(['date', '1965', 'track', '1'], false, song({}))).toBe(true);
    expect(test(['(Composer == "x")'], false, song({}))).toBe(false);
  });

  it('refuses what it cannot read, with MPD error codes', () => {
    expect(failure(() => parseFilterArgs(['artist'], false))).toBe('2 Incorrect number of filter arguments');
    expect(failure(() => parseFilterArgs(['(nosuchtag == "x")'], false))).toBe('2 Unknown tag type: nosuchtag');
    expect(failure(() => parseFilterArgs(['(artist == "x"'], false))).toBe("2 ')' expected");
    expect(failure(() => parseFilterArgs(['(artist =~ "x+")'], false))).toBe('2 Regular expressions are not supported');
    expect(failure(() => parseFilterArgs(['(artist == "x") junk'], false))).toBe('2 Unparsed garbage after expression');
  });

  it('narrows in the database by whole tags, words and folders of the top-level AND only', () => {
    const narrowing = (args: string[], fold: boolean) => narrowingOf(parseFilterArgs(args, fold), uris);
    expect(narrowing(['((artist == "Owls") AND (title contains "mid") AND (base "Music/Owls") AND (!(genre == "Jazz")))'], false)).toEqual({
      equal: [{ field: 'artist', value: 'Owls' }],
      words: [{ field: 'title', words: 'mid' }],
      pathPrefix: '/m/Music/Owls/',
    });
    expect(narrowing(['date', '1965'], false)).toEqual({ equal: [{ field: 'year', value: 1965 }], words: [] });
    expect(narrowing(['any', 'x'], true)).toEqual({ equal: [], words: [{ words: 'x' }] });
  });
});

describe('library URIs', () => {
  it('names each library folder by its last part, told apart in path order', () => {
    const uris = new LibraryUris(['/b/Music', '/a/Music', '/c/Jazz']);
    expect(uris.roots.map((r) => r.name)).toEqual(['Music', 'Music (2)', 'Jazz']);
    expect(uris.uriOf('/b/Music/x/y.flac')).toBe('Music (2)/x/y.flac');
    expect(uris.resolve('Music (2)/x')).toEqual({ kind: 'path', root: uris.roots[1], path: '/b/Music/x' });
    expect(uris.resolve('/')).toEqual({ kind: 'top' });
    expect(uris.resolve('Music/../../etc')).toBeUndefined();
    expect(uris.resolve('Nope/x')).toBeUndefined();
    expect(uris.uriOf('/elsewhere/z.ogg')).toBe('/elsewhere/z.ogg');
  });
});

describe('the mpd-listen address', () => {
  it('counts only loopback addresses and socket paths as this machine', () => {
    for (const local of ['127.0.0.1:6600', 'localhost:6600', '[::1]:6600', '127.8.0.1:1', '/run/user/1000/mpd.sock']) expect(isLoopback(parseListenAddress(local))).toBe(true);
    for (const remote of ['0.0.0.0:6600', '192.168.1.2:6600', '[::]:6600', 'example.com:6600']) expect(isLoopback(parseListenAddress(remote))).toBe(false);
  });
});
