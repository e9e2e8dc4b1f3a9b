import type { Song } from '../../db/schema.js';
import type { PlaylistSummary } from '../../services/playlists/playlist-types.js';
import { clockTime } from '../../text/clock-time.js';
import { cellWidth as textCells, clipCells } from '../../text/terminal-cells.js';

// Shared by the playlist and like commands: plain values for --json, text tables for people.

export function formatDuration(ms: number | null): string {
  return clockTime(ms, { round: true });
}

/** "2026-03-01 13:05" in local time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

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

export function summaryJson(p: PlaylistSummary) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    songCount: p.songCount,
    durationMs: p.durationMs,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function songJson(song: Song, available: boolean) {
  return {
    id: song.id,
    title: song.title,
    artist: song.artist,
    album: song.album,
    durationMs: song.duration_ms,
    path: song.path,
    available,
  };
}

export function titleCell(song: Song, available: boolean): string {
  return available ? song.title : `${song.title} [unavailable]`;
}
