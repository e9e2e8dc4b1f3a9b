import type { Song } from '../../db/schema.js';
import type { PlaylistSummary } from '../../services/playlists/playlist-types.js';
import { cellWidth as textCells, clipCells } from '../../text/terminal-cells.js';

// Shared by the playlist and like commands: plain values for --json, text tables for people.

export function formatDuration(ms: number | null): string {
  if (ms === null) return '-:--';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
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

/** Columns padded to their widest cell; columns named in `right` are right-aligned (numbers). */
export function renderTable(headers: string[], rows: string[][], right: number[] = []): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => clipCells(cell, MAX_CELL)))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => textCells(row[col] ?? ''))));
  return cells
    .map((row) =>
      row
        .map((cell, col) => {
          const pad = ' '.repeat((widths[col] ?? 0) - textCells(cell));
          return right.includes(col) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
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
