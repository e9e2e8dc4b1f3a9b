import { describe, expect, it } from 'vitest';
import { formatDuration, renderTable } from '../../src/cli/commands/playlist-render.js';
import { cellWidth as textCells, clipCells } from '../../src/text/terminal-cells.js';
import { parseIntegers } from '../../src/cli/parse-ids.js';

describe('playlist tables', () => {
  it('aligns columns by terminal cells, so CJK titles line up', () => {
    const table = renderTable(['#', 'TITLE', 'LENGTH'], [['1', '夜に駆ける', '4:21'], ['10', 'Halo', '1:02:03']], [0, 2]);
    expect(table.split('\n')).toEqual([' #  TITLE        LENGTH', ' 1  夜に駆ける     4:21', '10  Halo        1:02:03']);
  });

  it('fits the terminal: the widest text columns give up cells, numbers never', () => {
    const rows = [['1', 'A rather long song title that goes on', 'An artist with a long name', '12:34']];
    const table = renderTable(['#', 'TITLE', 'ARTIST', 'LENGTH'], rows, [0, 3], 50);
    for (const line of table.split('\n')) expect(textCells(line)).toBeLessThanOrEqual(50);
    expect(table).toContain('12:34');
    expect(table.split('\n')[1]).toMatch(/^1 {2}A rather long [^…]*… {2}An artist [^…]*…\s+12:34$/);
    expect(textCells(table.split('\n')[1] ?? '')).toBe(50);
    // Already narrow enough: unchanged.
    expect(renderTable(['#', 'TITLE'], [['1', 'Halo']], [0], 50)).toBe(renderTable(['#', 'TITLE'], [['1', 'Halo']], [0]));
  });

  it('clips long cells with an ellipsis and flattens line breaks', () => {
    expect(clipCells('a'.repeat(50), 40)).toBe(`${'a'.repeat(39)}…`);
    expect(textCells(clipCells('駆'.repeat(30), 40))).toBeLessThanOrEqual(40);
    expect(clipCells('two\nlines', 40)).toBe('two lines');
    expect(textCells('e\u0301')).toBe(1);
  });

  it('formats durations and parses ids', () => {
    expect([formatDuration(null), formatDuration(0), formatDuration(59_499), formatDuration(3_600_000)]).toEqual(['-:--', '0:00', '0:59', '1:00:00']);
    expect(parseIntegers(['1', ' 22 '], 'song id')).toEqual([1, 22]);
    expect(() => parseIntegers(['1e3'], 'song id')).toThrow('not a valid song id: 1e3');
    expect(() => parseIntegers(['-2'], 'position')).toThrow('not a valid position: -2');
    // A remote library's ids go past 32 bits (remote-supysonic maps UUIDs to 15-digit numbers).
    expect(parseIntegers(['163201309402358'], 'song id')).toEqual([163201309402358]);
    expect(() => parseIntegers(['1234567890123456'], 'song id')).toThrow('not a valid song id: 1234567890123456');
  });
});

describe('table cells of outside text', () => {
  it('show ESC, C1 and bidi controls as visible stand-ins, not as what a terminal would do', () => {
    const table = renderTable(['TITLE'], [['\x1b[2J\u009b1m\u202eevil']]);
    expect(table.split('\n')[1]).toBe('␛[2J\ufffd1m\ufffdevil');
  });
});
