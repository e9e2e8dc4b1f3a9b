import { describe, expect, it } from 'vitest';
import type { HostState } from '../../../src/domain/player-state.js';
import type { Song } from '../../../src/domain/song.js';
import { commandOf } from '../../../src/daemon/bridges/mpris-commands.js';
import { lengthOf, metadataOf, NO_TRACK, trackIdOf } from '../../../src/daemon/bridges/mpris-metadata.js';
import { propertiesOf } from '../../../src/daemon/bridges/mpris-properties.js';

const song: Song = {
  id: 7, path: '/music/a.ogg', title: 'Morning', artist: 'Sunrise Band', artist_id: 1, album: 'Dawn', album_id: 1, album_artist: 'Various', compilation: false, genre: 'Rock',
  year: 2001, track_no: 3, disc_no: 2, duration_ms: 30_000, codec: 'vorbis', bitrate: 64_000, sample_rate: 44_100,
  replaygain_track_gain_db: null, replaygain_track_peak: null, replaygain_album_gain_db: null, replaygain_album_peak: null,
  size: 1000, mtime_ms: 0, added_at: '2026-01-01T00:00:00.000Z', missing_since: null,
};

const state = (over: Partial<HostState> = {}): HostState => ({
  status: 'playing', song, position_ms: 1000, duration_ms: 30_500, volume: 80, muted: false, shuffle: false, repeat: 'off',
  queue_index: 0, queue_length: 3, queue_version: 1, problem: null, ...over,
});

describe('MPRIS metadata', () => {
  it('gives each key the D-Bus type the metadata spec names', () => {
    expect(metadataOf(song, trackIdOf(4), 30_500)).toEqual({
      'mpris:trackid': { signature: 'o', value: '/org/tunes/track/4' },
      'mpris:length': { signature: 'x', value: 30_500_000 },
      'xesam:title': { signature: 's', value: 'Morning' },
      'xesam:artist': { signature: 'as', value: ['Sunrise Band'] },
      'xesam:album': { signature: 's', value: 'Dawn' },
      'xesam:albumArtist': { signature: 'as', value: ['Various'] },
      'xesam:trackNumber': { signature: 'i', value: 3 },
      'xesam:discNumber': { signature: 'i', value: 2 },
      'xesam:genre': { signature: 'as', value: ['Rock'] },
    });
  });

  it('leaves out what the song does not have, and says NoTrack without a song', () => {
    const bare = { ...song, album_artist: null, genre: null, track_no: null, disc_no: null, album: '' };
    expect(Object.keys(metadataOf(bare, trackIdOf(1), null))).toEqual(['mpris:trackid', 'xesam:title', 'xesam:artist']);
    expect(metadataOf(null, trackIdOf(1), 1000)).toEqual({ 'mpris:trackid': { signature: 'o', value: NO_TRACK } });
  });

  it('makes control characters from tags visible (a NUL is not allowed in a D-Bus string at all)', () => {
    const metadata = metadataOf({ ...song, title: 'a\u0000b\u001b[2Jc' }, trackIdOf(1), null);
    expect(metadata['xesam:title']).toEqual({ signature: 's', value: 'a\u2400b\u241b[2Jc' });
  });

  it('takes the length mpv found, else the catalogue’s', () => {
    expect(lengthOf(state())).toBe(30_500);
    expect(lengthOf(state({ duration_ms: null }))).toBe(30_000);
  });
});

describe('MPRIS properties', () => {
  it('maps status, repeat, volume and what can be done', () => {
    expect(propertiesOf(state())).toEqual({
      playbackStatus: 'Playing', loopStatus: 'None', shuffle: false, volume: 0.8,
      canPlay: true, canPause: true, canSeek: true, canGoNext: true, canGoPrevious: true,
    });
    expect(propertiesOf(state({ status: 'paused', repeat: 'one' }))).toMatchObject({ playbackStatus: 'Paused', loopStatus: 'Track' });
    expect(propertiesOf(state({ status: 'stopped', repeat: 'all' }))).toMatchObject({ playbackStatus: 'Stopped', loopStatus: 'Playlist' });
  });

  it('has no next on the last song unless the queue repeats, and nothing to do with no song', () => {
    expect(propertiesOf(state({ queue_index: 2 })).canGoNext).toBe(false);
    expect(propertiesOf(state({ queue_index: 2, repeat: 'all' })).canGoNext).toBe(true);
    expect(propertiesOf(state({ song: null, queue_index: -1, queue_length: 0, duration_ms: null }))).toMatchObject({
      canPlay: false, canPause: false, canSeek: false, canGoNext: false, canGoPrevious: false,
    });
  });
});

describe('MPRIS requests as PlayerCommands', () => {
  const current = { trackId: trackIdOf(4), lengthMs: 30_000 };

  it('turns methods into the player’s commands', () => {
    expect(commandOf({ type: 'play' }, current)).toEqual({ type: 'resume' });
    expect(commandOf({ type: 'playpause' }, current)).toEqual({ type: 'toggle' });
    expect(commandOf({ type: 'previous' }, current)).toEqual({ type: 'previous' });
    expect(commandOf({ type: 'quit' }, current)).toEqual({ type: 'quit' });
    expect(commandOf({ type: 'seek', offsetUs: -5_000_000 }, current)).toEqual({ type: 'seek', seconds: -5, mode: 'relative' });
    expect(commandOf({ type: 'seek', offsetUs: 0 }, current)).toBeUndefined();
  });

  it('ignores a SetPosition for another track (stale) or outside this one', () => {
    expect(commandOf({ type: 'position', trackId: trackIdOf(4), positionUs: 12_500_000 }, current)).toEqual({ type: 'seek', seconds: 12.5, mode: 'absolute' });
    expect(commandOf({ type: 'position', trackId: trackIdOf(3), positionUs: 12_500_000 }, current)).toBeUndefined();
    expect(commandOf({ type: 'position', trackId: trackIdOf(4), positionUs: -1 }, current)).toBeUndefined();
    expect(commandOf({ type: 'position', trackId: trackIdOf(4), positionUs: 31_000_000 }, current)).toBeUndefined();
  });

  it('sets volume 0..1 as tunes’ 0..100 (negative is 0), shuffle, and LoopStatus as repeat', () => {
    expect(commandOf({ type: 'volume', volume: 0.5 }, current)).toEqual({ type: 'volume', value: 50, mode: 'absolute' });
    expect(commandOf({ type: 'volume', volume: -2 }, current)).toEqual({ type: 'volume', value: 0, mode: 'absolute' });
    expect(commandOf({ type: 'volume', volume: 1.7 }, current)).toEqual({ type: 'volume', value: 100, mode: 'absolute' });
    expect(commandOf({ type: 'volume', volume: Number.NaN }, current)).toBeUndefined();
    expect(commandOf({ type: 'shuffle', on: true }, current)).toEqual({ type: 'shuffle', on: true });
    expect(commandOf({ type: 'loop', status: 'Playlist' }, current)).toEqual({ type: 'repeat', mode: 'all' });
    expect(commandOf({ type: 'loop', status: 'Track' }, current)).toEqual({ type: 'repeat', mode: 'one' });
    expect(commandOf({ type: 'loop', status: 'None' }, current)).toEqual({ type: 'repeat', mode: 'off' });
  });
});
