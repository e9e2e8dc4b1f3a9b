import { describe, expect, it } from 'vitest';
import { keyHelpItems, keyHelpLines } from '../../../src/cli/play/key-help.js';
import { formatClock, formatStatusLine, progressBar } from '../../../src/cli/play/status-line.js';
import type { PlayerSong, PlayerState } from '../../../src/domain/player-state.js';
import { readlineKeyName } from '../../../src/services/keys/key-names.js';
import { buildKeyTable } from '../../../src/services/keys/key-table.js';
import { DEFAULT_STEPS } from '../../../src/services/playback/command-words.js';
import { cellWidth } from '../../../src/text/terminal-cells.js';

const song: PlayerSong = {
  id: 3, title: 'Blue in Green', artist: 'Miles Davis', artist_id: null, album: 'Kind of Blue', album_id: null, album_artist: null, compilation: false, genre: null, year: null, track_no: null,
  disc_no: null, duration_ms: 337_000, codec: null, bitrate: null, sample_rate: null, size: 1, added_at: '2026-01-01T00:00:00.000Z', available: true,
  replaygain_track_gain_db: null, replaygain_track_peak: null, replaygain_album_gain_db: null, replaygain_album_peak: null, path: '/music/x.mp3',
};
const state = (over: Partial<PlayerState> = {}): PlayerState => ({
  status: 'playing',
  song,
  position_ms: 83_400,
  duration_ms: 337_000,
  volume: 80,
  muted: false,
  shuffle: false,
  repeat: 'off',
  queue_index: 1,
  queue_length: 12,
  queue_version: 1,
  problem: null,
  ...over,
});

describe('status line', () => {
  it('formats clocks and progress bars', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(83_999)).toBe('1:23');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(null)).toBe('-:--');
    expect(progressBar(50, 100, 10)).toBe('#####-----');
    expect(progressBar(500, 100, 4)).toBe('####');
    expect(progressBar(10, null, 4)).toBe('----');
    // mpv reports a little below zero right after a seek back past the start.
    expect(progressBar(-5_000, 100_000, 4)).toBe('----');
  });

  it('shows status, title - artist, a bar, elapsed / length, volume, flags and position', () => {
    expect(formatStatusLine(state(), 100)).toBe('> Blue in Green - Miles Davis [#####---------------] 1:23 / 5:37 vol 80 2/12');
    expect(formatStatusLine(state({ status: 'paused', muted: true, shuffle: true, repeat: 'one' }), 120)).toBe(
      '|| Blue in Green - Miles Davis [#####---------------] 1:23 / 5:37 vol muted shuffle repeat one 2/12',
    );
    expect(formatStatusLine(state({ song: null, queue_index: -1, queue_length: 0, status: 'stopped', position_ms: 0, duration_ms: null }), 80)).toBe(
      '[] nothing playing [--------------------] 0:00 / -:-- vol 80',
    );
  });

  it('never gets wider than the terminal: the bar shrinks, then the title is cut', () => {
    for (const columns of [200, 100, 70, 50, 40, 30, 20, 10]) {
      const line = formatStatusLine(state({ song: { ...song, title: 'A very long title '.repeat(5) } }), columns);
      expect(cellWidth(line)).toBeLessThanOrEqual(Math.max(20, columns - 1));
    }
    expect(formatStatusLine(state(), 60)).toBe('> Blue in Green - Miles Davis [#--] 1:23 / 5:37 vol 80 2/12');
    expect(formatStatusLine(state(), 40)).toBe('> Blue in Gree… 1:23 / 5:37 vol 80 2/12');
  });

  it('measures terminal cells, not characters: a Japanese title never makes the line wrap', () => {
    // Each of these characters takes two cells: counted as characters, the line came out 80 cells wide on 60 columns.
    const japanese = state({ song: { ...song, title: '夜に駆ける 夜に駆ける 夜に駆ける', artist: 'YOASOBI ヨアソビ' } });
    for (const columns of [100, 80, 60, 45, 30]) expect(cellWidth(formatStatusLine(japanese, columns))).toBeLessThanOrEqual(columns - 1);
  });

  it('makes control sequences in tags visible instead of sending them to the terminal', () => {
    const line = formatStatusLine(state({ song: { ...song, title: '\x1b[2JCleared', artist: '\x1b]0;pwned\x07' } }), 120);
    expect(line).not.toMatch(/[\x00-\x1f]/);
    expect(line).toContain('␛[2JCleared');
  });
});

describe('tunes play keys', () => {
  const { table } = buildKeyTable(DEFAULT_STEPS);
  const action = (key: Parameters<typeof readlineKeyName>[0]) => {
    const found = table.action('play', readlineKeyName(key));
    return found?.kind === 'app' ? found.id : found?.command;
  };

  it('maps keys as readline reports them to player commands, quit and detach', () => {
    expect(action({ name: 'space', sequence: ' ' })).toEqual({ type: 'toggle' });
    expect(action({ name: 'n', sequence: 'n' })).toEqual({ type: 'next' });
    expect(action({ name: 'p', sequence: 'p' })).toEqual({ type: 'previous' });
    expect(action({ name: 'left', sequence: '\x1b[D' })).toEqual({ type: 'seek', seconds: -5, mode: 'relative' });
    expect(action({ name: 'right', sequence: '\x1b[C' })).toEqual({ type: 'seek', seconds: 5, mode: 'relative' });
    expect(action({ sequence: '+' })).toEqual({ type: 'volume', value: 5, mode: 'relative' });
    expect(action({ sequence: '=' })).toEqual({ type: 'volume', value: 5, mode: 'relative' });
    expect(action({ name: 'minus', sequence: '-' })).toEqual({ type: 'volume', value: -5, mode: 'relative' });
    expect(action({ name: 'm', sequence: 'm' })).toEqual({ type: 'mute' });
    expect(action({ name: 's', sequence: 's' })).toEqual({ type: 'shuffle' });
    expect(action({ name: 'r', sequence: 'r' })).toEqual({ type: 'repeat' });
    expect(action({ name: 'q', sequence: 'q' })).toBe('quit');
    expect(action({ name: 'c', sequence: '\x03', ctrl: true })).toBe('quit');
    expect(action({ name: 'd', sequence: 'd' })).toBe('detach');
    expect(action({ name: 'n', sequence: '\x0e', ctrl: true })).toBeUndefined();
    expect(action({ name: 'x', sequence: 'x' })).toBeUndefined();
    expect(action({})).toBeUndefined();
  });

  it('steps follow the seek-step and volume-step settings', () => {
    const stepped = buildKeyTable({ seekStep: 30, volumeStep: 2 }).table;
    expect(stepped.action('play', 'right')).toMatchObject({ command: { type: 'seek', seconds: 30, mode: 'relative' } });
    expect(stepped.action('ui', '-')).toMatchObject({ command: { type: 'volume', value: -2, mode: 'relative' } });
  });

  it('lists every binding once in the help line, wrapped between bindings on narrow terminals', () => {
    const help = keyHelpItems(table).join('  ');
    expect(help).toBe('space pause  n next  p previous  ← -5s  → +5s  + louder  - softer  m mute  s shuffle  r repeat  q quit  d detach');
    expect(keyHelpLines(table, 79)).toEqual(['space pause  n next  p previous  ← -5s  → +5s  + louder  - softer  m mute', 's shuffle  r repeat  q quit  d detach']);
    expect(keyHelpLines(table, 200)).toEqual([help]);
  });
});
