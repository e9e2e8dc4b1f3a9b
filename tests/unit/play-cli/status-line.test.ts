import { describe, expect, it } from 'vitest';
import { commandForKey, keyHelp, keyHelpLines, PLAY_KEY_BINDINGS } from '../../../src/cli/play/key-bindings.js';
import { formatClock, formatStatusLine, progressBar } from '../../../src/cli/play/status-line.js';
import type { PlaybackState } from '../../../src/services/playback/playback-state.js';

const state = (over: Partial<PlaybackState> = {}): PlaybackState => ({
  status: 'playing',
  index: 1,
  length: 12,
  song: { id: 3, title: 'Blue in Green', artist: 'Miles Davis', album: 'Kind of Blue', durationMs: 337_000 },
  positionMs: 83_400,
  durationMs: 337_000,
  volume: 80,
  muted: false,
  shuffle: false,
  repeat: 'off',
  error: null,
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
    expect(formatStatusLine(state({ song: null, index: -1, length: 0, status: 'stopped', positionMs: 0, durationMs: null }), 80)).toBe(
      '[] nothing playing [--------------------] 0:00 / -:-- vol 80',
    );
  });

  it('never gets wider than the terminal: the bar shrinks, then the title is cut', () => {
    for (const columns of [200, 100, 70, 50, 40, 30, 20, 10]) {
      const line = formatStatusLine(state({ song: { id: 1, title: 'A very long title '.repeat(5), artist: 'Someone', album: 'x', durationMs: 1000 } }), columns);
      expect([...line].length).toBeLessThanOrEqual(Math.max(20, columns - 1));
    }
    expect(formatStatusLine(state(), 60)).toBe('> Blue in Green - Miles Davis [#--] 1:23 / 5:37 vol 80 2/12');
    expect(formatStatusLine(state(), 40)).toMatch(/^> Blue in~? ?.* 1:23 \/ 5:37 vol 80 2\/12$/);
  });
});

describe('key bindings', () => {
  it('maps keys as readline reports them to commands', () => {
    expect(commandForKey({ name: 'space', sequence: ' ' })).toBe('toggle-pause');
    expect(commandForKey({ name: 'n', sequence: 'n' })).toBe('next');
    expect(commandForKey({ name: 'N', sequence: 'N' })).toBe('next');
    expect(commandForKey({ name: 'p', sequence: 'p' })).toBe('previous');
    expect(commandForKey({ name: 'left', sequence: '\x1b[D' })).toBe('seek-back');
    expect(commandForKey({ name: 'right', sequence: '\x1b[C' })).toBe('seek-forward');
    expect(commandForKey({ sequence: '+' })).toBe('volume-up');
    expect(commandForKey({ sequence: '=' })).toBe('volume-up');
    expect(commandForKey({ name: 'minus', sequence: '-' })).toBe('volume-down');
    expect(commandForKey({ name: 'm', sequence: 'm' })).toBe('mute');
    expect(commandForKey({ name: 's', sequence: 's' })).toBe('shuffle');
    expect(commandForKey({ name: 'r', sequence: 'r' })).toBe('repeat');
    expect(commandForKey({ name: 'q', sequence: 'q' })).toBe('quit');
    expect(commandForKey({ name: 'c', sequence: '\x03', ctrl: true })).toBe('quit');
    expect(commandForKey({ name: 'n', sequence: '\x0e', ctrl: true })).toBeUndefined();
    expect(commandForKey({ name: 'x', sequence: 'x' })).toBeUndefined();
    expect(commandForKey({})).toBeUndefined();
  });

  it('lists every binding once in the help line, and no key is bound twice', () => {
    const keys = PLAY_KEY_BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyHelp()).toBe('space pause  n next  p previous  ← -5s  → +5s  + louder  - softer  m mute  s shuffle  r repeat  q quit');
    // On a narrow terminal it wraps between bindings instead of losing the last ones.
    expect(keyHelpLines(79)).toEqual(['space pause  n next  p previous  ← -5s  → +5s  + louder  - softer  m mute', 's shuffle  r repeat  q quit']);
    expect(keyHelpLines(200)).toEqual([keyHelp()]);
  });
});
