import { describe, expect, it } from 'vitest';
import { displayWidth, fit, formatDuration, progressBar } from '../../../src/ui/format.js';

describe('formatting for the terminal', () => {
  it('fits text to columns, counting wide characters as two', () => {
    expect(fit('Halo', 6)).toBe('Halo  ');
    expect(fit('Hoppípolla', 6)).toBe('Hoppí…');
    expect(displayWidth('夜に駆ける')).toBe(10);
    expect(fit('夜に駆ける', 6)).toBe('夜に… ');
    expect(displayWidth(fit('夜に駆ける', 6))).toBe(6);
    expect(fit('anything', 0)).toBe('');
  });

  it('formats durations and progress', () => {
    expect(formatDuration(187_000)).toBe('3:07');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('--:--');
    expect(progressBar(0.5, 10)).toBe('━━━━━─────');
    expect(progressBar(2, 4)).toBe('━━━━');
  });
});
