import { describe, expect, it } from 'vitest';
import * as cli from '../../src/cli/present/index.js';
import type { Album, Artist } from '../../src/domain/album.js';
import type { PlaylistEntry, PlaylistSummary } from '../../src/domain/playlist.js';
import type { Song } from '../../src/domain/song.js';
import * as http from '../../src/server/api/present/index.js';

const song: Song = {
  id: 12, path: '/music/Björk/Homogenic/Jóga.flac', title: 'Jóga', artist: 'Björk', artist_id: 5, album: 'Homogenic',
  album_id: 9, album_artist: 'Björk', compilation: false, genre: 'Electronic', year: 1997, track_no: 3, disc_no: 1, duration_ms: 305_600, codec: 'FLAC',
  bitrate: 912_000, sample_rate: 44_100, size: 34_000_000, mtime_ms: 1_700_000_000_000,
  added_at: '2026-03-01T12:00:00.000Z', missing_since: '2026-03-02T08:00:00.000Z',
  replaygain_track_gain_db: -6.48, replaygain_track_peak: 0.988525, replaygain_album_gain_db: null, replaygain_album_peak: null,
};

const playlist: PlaylistSummary = {
  id: 4, owner_id: 2, name: 'Road Trip', description: null, created_at: '2026-03-01T12:00:00.000Z',
  updated_at: '2026-03-01T12:05:00.000Z', song_count: 1, duration_ms: 305_600, rules: null, rules_sort: null, rules_limit: null, built_in: null,
};
const entry: PlaylistEntry = { playlist_id: 4, position: 1, added_at: '2026-03-01T12:05:00.000Z', available: false, song };

const album: Album = {
  id: 9, title: 'Homogenic', artist: 'Björk', artist_id: 5, compilation: false, year: 1997, song_count: 10,
  duration_ms: 2_640_000, added_at: '2026-03-01T12:00:00.000Z', has_cover: true,
};
const artist: Artist = { id: 5, name: 'Björk', album_count: 1, song_count: 10 };

const SNAKE = /^[a-z]+(_[a-z]+)*$/;

/** Every key of a JSON value, nested ones included. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

describe('one song object in the CLI --json and the HTTP API', () => {
  it('has the same fields in the same order, the CLI adding the file path last and the API its stream_url', () => {
    const fromCli = cli.presentSong(song);
    const { stream_url: streamUrl, ...fromHttp } = http.presentSong(song);
    expect(streamUrl).toBeNull();
    expect(http.presentSong(song, new Map([[12, 'http://h/api/songs/12/stream?sig=x']])).stream_url).toBe('http://h/api/songs/12/stream?sig=x');
    expect(Object.keys(http.presentSong(song)).at(-1)).toBe('stream_url');
    expect(Object.keys(fromCli)).toEqual([...Object.keys(fromHttp), 'path']);
    expect(fromCli).toEqual({ ...fromHttp, path: song.path });
    expect(fromHttp).not.toHaveProperty('path');
    expect(fromHttp).toMatchObject({ duration_ms: 305_600, added_at: '2026-03-01T12:00:00.000Z', available: false });
  });

  it('nests that song the same way in playlist entries, likes and history', () => {
    const without = (name: string) => (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === name ? undefined : v)));
    const withoutPath = without('path');
    const withoutStreamUrl = without('stream_url');
    const pairs: Array<[unknown, unknown]> = [
      [cli.presentPlaylist(playlist), http.presentPlaylist(playlist)],
      [cli.presentPlaylistEntry(entry), http.presentPlaylistEntry(entry)],
      [cli.presentPlaylistDetail({ playlist, entries: [entry] }), http.presentPlaylistDetail({ playlist, entries: [entry] })],
      [cli.presentLikedSong({ liked_at: entry.added_at, available: false, song }), http.presentLikedSong({ liked_at: entry.added_at, available: false, song })],
      [cli.presentAlbumDetail({ album, songs: [song] }), http.presentAlbumDetail({ album, songs: [song] })],
      [cli.presentArtistDetail({ artist, albums: [album], appears_on: [{ album, songs: [song] }] }), http.presentArtistDetail({ artist, albums: [album], appears_on: [{ album, songs: [song] }] })],
      [cli.presentHistoryEntry({ id: 1, started_at: entry.added_at, ms_played: 30_000, song }), http.presentHistoryEntry({ id: 1, started_at: entry.added_at, ms_played: 30_000, song })],
    ];
    for (const [fromCli, fromHttp] of pairs) expect(withoutPath(fromCli)).toEqual(withoutStreamUrl(fromHttp));
  });

  it('uses snake_case for every key the CLI prints', () => {
    const documents = [
      cli.presentPlaylistDetail({ playlist, entries: [entry] }),
      cli.presentPlaylistAdd({ playlist, added: [{ position: 1, song_id: 12 }], already_present: [12] }),
      cli.presentPlaylistRemove({ playlist, removed: [entry] }),
      cli.presentPlaylistMove({ playlist, entry }, 2, 1),
      cli.presentYearStats({
        year: 2026, from: song.added_at, to: song.added_at, plays: 1, minutes: 3, ms_played: 180_000,
        top_songs: [{ name: 'x', artist: 'Björk', song_id: 12, plays: 1, minutes: 3, ms_played: 180_000 }], top_artists: [], top_albums: [], top_genres: [],
        months: [{ month: '2026-01', plays: 1, minutes: 3, ms_played: 180_000 }], clock: [[1]], longest_streak: { days: 1, from: '2026-01-01', to: '2026-01-01' },
        first_song: { title: 'x', artist: 'Björk', started_at: song.added_at }, new_artists: ['Björk'],
      }),
      cli.presentAddFolders({ roots: [{ id: 1, path: '/m', added_at: song.added_at }], already_in_library: [], scan: { files: 1, added: 1, updated: 0, unchanged: 0, restored: 0, moved: 0, missing: 0, duplicates: 0, merged: 0, unavailable: [{ path: '/n', reason: 'is empty', kept: 2 }], failed: 0, failures: [{ path: '/m/x', reason: 'bad' }], warnings: [], duration_ms: 5 } }),
      cli.presentArtistDetail({ artist, albums: [album], appears_on: [{ album, songs: [song] }] }),
      cli.presentLibraryFolder({ id: 1, path: '/m', added_at: song.added_at, song_count: 3 }),
      cli.presentUser({ id: 1, username: 'alice', role: 'admin', created_at: song.added_at }),
    ];
    for (const key of documents.flatMap(keysOf)) expect(key).toMatch(SNAKE);
  });
});
