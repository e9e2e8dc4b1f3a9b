import { describe, expect, it } from 'vitest';
import { formatDuration, renderSongTable } from '../../src/cli/format/song-table.js';
import type { Song } from '../../src/domain/song.js';

const song = (over: Partial<Song>): Song => ({
  id: 1, path: '/m/a.mp3', title: 'T', artist: 'A', artist_id: 1, album: 'B', album_id: 1, album_artist: 'A', compilation: false, genre: null, year: null,
  track_no: null, disc_no: null, duration_ms: 61_000, codec: null, bitrate: null, sample_rate: null, size: 1,
  mtime_ms: 0, added_at: '2026-01-01T00:00:00.000Z', missing_since: null,
  replaygain_track_gain_db: null, replaygain_track_peak: null, replaygain_album_gain_db: null, replaygain_album_peak: null, ...over,
});

describe('song table', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(5_400)).toBe('0:05');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('fits the terminal width, cutting long and wide text, one line per song', () => {
    const rows = [
      song({ id: 7, title: 'A very long title that will not fit in a narrow terminal at all', artist: 'Line\nBreak' }),
      song({ id: 12, title: '夜に駆ける夜に駆ける夜に駆ける夜に駆ける', artist: 'YOASOBI' }),
    ];
    const lines = renderSongTable(rows, 60).split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[1]).toContain('…');
    expect(lines[1]).toContain('Line Break');
    expect(lines[2]).toMatch(/^12 {2}夜に駆ける/);
    // Both data rows end in the length column at the same cell: wide characters count twice.
    const cells = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(cells(lines[2]!)).toBe(cells(lines[1]!));
  });
});
