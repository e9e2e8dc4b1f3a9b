import type { Song } from '../../domain/song.js';
import { lengthClock } from '../../text/clock-time.js';
import { localDateTime } from '../../text/local-time.js';
import { cellWidth as textCells, clipCells } from '../../text/terminal-cells.js';

// Shared by the playlist and like commands: text tables for people (JSON comes from ../present/).

export function formatDuration(ms: number | null): string {
  return lengthClock(ms);
}

/** "2026-03-01 13:05" in local time. */
export const formatTime = localDateTime;

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const MAX_CELL = 40;

/**
 * Columns padded to their widest cell; columns named in `right` are right-aligned (numbers). When the
 * table is wider than `width`, the widest text columns give up cells until it fits (cut with …).
 */
export function renderTable(headers: string[], rows: string[][], right: number[] = [], width = Number.POSITIVE_INFINITY): string {
  const clipped = rows.map((row) => row.map((cell) => clipCells(cell, MAX_CELL)));
  const widths = headers.map((_, col) => Math.max(...[headers, ...clipped].map((row) => textCells(row[col] ?? ''))));
  shrinkToFit(widths, width - 2 * (headers.length - 1), (col) => !right.includes(col));
  return [headers, ...clipped]
    .map((row) =>
      row
        .map((raw, col) => {
          const cell = clipCells(raw, widths[col] ?? 0);
          const pad = ' '.repeat(Math.max(0, (widths[col] ?? 0) - textCells(cell)));
          return right.includes(col) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const MIN_TEXT_COLUMN = 6;

/** Takes cells one at a time from the widest shrinkable column until the columns fit in `room`. */
function shrinkToFit(widths: number[], room: number, shrinkable: (col: number) => boolean): void {
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total > room) {
    let widest = -1;
    widths.forEach((w, col) => {
      if (shrinkable(col) && w > MIN_TEXT_COLUMN && (widest < 0 || w > (widths[widest] ?? 0))) widest = col;
    });
    if (widest < 0) return;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total -= 1;
  }
}

export function titleCell(song: Song, available: boolean): string {
  return available ? song.title : `${song.title} [unavailable]`;
}
