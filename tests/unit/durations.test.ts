import { describe, expect, it } from 'vitest';
import { trackLine } from '../../src/cli/remote/play-command.js';
import { formatDuration as playlistLength } from '../../src/cli/commands/playlist-render.js';
import { renderSongTable } from '../../src/cli/format/song-table.js';
import { formatClock, formatStatusLine } from '../../src/cli/play/status-line.js';
import type { Song } from '../../src/domain/song.js';
import type { PlayerState } from '../../src/domain/player-state.js';
import { elapsedClock, lengthClock } from '../../src/text/clock-time.js';
import { formatDuration as uiLength, formatElapsed as uiElapsed } from '../../src/ui/format.js';

// 26.6 s: the song the issue saw as 0:27 in `tunes songs` and 0:26 in the UI and `tunes play`.
const MS = 26_600;

const song: Song = {
  id: 7, path: '/m/short.flac', title: 'Short', artist: 'Band', artist_id: 1, album: 'EP', album_id: 1, album_artist: 'Band', compilation: false, genre: null, year: null,
  track_no: 1, disc_no: null, duration_ms: MS, codec: 'FLAC', bitrate: null, sample_rate: null, size: 1, mtime_ms: 0,
  added_at: '2026-01-01T00:00:00.000Z', missing_since: null,
  replaygain_track_gain_db: null, replaygain_track_peak: null, replaygain_album_gain_db: null, replaygain_album_peak: null,
};

const { mtime_ms: _mtime, missing_since: _missing, ...shown } = song;
const playing: PlayerState = {
  status: 'playing', queue_index: 0, queue_length: 1, queue_version: 1, position_ms: MS, duration_ms: MS, volume: 100, muted: false,
  shuffle: false, repeat: 'off', problem: null, song: { ...shown, available: true },
};

describe('one rounding for durations everywhere', () => {
  it('rounds a length to the nearest second and counts an elapsed time in whole seconds passed', () => {
    expect([lengthClock(26_499), lengthClock(26_500), lengthClock(MS), lengthClock(3_599_600)]).toEqual(['0:26', '0:27', '0:27', '1:00:00']);
    expect([elapsedClock(26_999), elapsedClock(MS), elapsedClock(3_599_999)]).toEqual(['0:26', '0:26', '59:59']);
    expect([lengthClock(null), elapsedClock(undefined), lengthClock(-1), lengthClock(Number.NaN)]).toEqual(['-:--', '-:--', '-:--', '-:--']);
    expect(lengthClock(null, '')).toBe('');
  });

  it('shows the same song with the same length in tunes songs, playlists, the UI and tunes play', () => {
    expect(renderSongTable([song], 80).split('\n')[1]).toMatch(/ 0:27$/);
    expect(playlistLength(MS)).toBe('0:27');
    expect(uiLength(MS)).toBe('0:27');
    expect(trackLine(playing.song!, 0, 1)).toBe('1/1 Band - Short (0:27)');
    // The status line: elapsed counts whole seconds, the length is the song's rounded one.
    expect(formatStatusLine(playing, 100)).toContain(' 0:26 / 0:27 ');
    expect([formatClock(MS), uiElapsed(MS)]).toEqual(['0:26', '0:26']);
  });
});
