import type { PlayerState } from '../../domain/player-state.js';
import { elapsedClock, lengthClock } from '../../text/clock-time.js';
import { cellWidth, clipCells } from '../../text/terminal-cells.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** A position or time played: whole seconds passed. */
export function formatClock(ms: number | null): string {
  return elapsedClock(ms);
}

/** A song's length: rounded, as in every list. */
export function formatLength(ms: number | null): string {
  return lengthClock(ms);
}

export function progressBar(positionMs: number, durationMs: number | null, width: number): string {
  if (width <= 0) return '';
  const fraction = durationMs && durationMs > 0 ? Math.max(0, Math.min(1, positionMs / durationMs)) : 0;
  const filled = Math.round(fraction * width);
  return `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
}

const STATUS_MARK: Record<PlayerState['status'], string> = { playing: '>', paused: '||', stopped: '[]' };

/**
 * The one live line of `tunes play` on a terminal: status, title - artist, elapsed / length, a
 * progress bar, volume, shuffle and repeat. Measured in terminal cells (a CJK character takes two),
 * never wider than `columns - 1`, so the terminal never wraps it.
 */
export function formatStatusLine(state: PlayerState, columns: number): string {
  const width = Math.max(20, columns - 1);
  const song = state.song ? terminalSafe(`${state.song.title} - ${state.song.artist}`) : 'nothing playing';
  const time = `${formatClock(state.position_ms)} / ${formatLength(state.duration_ms)}`;
  const flags = `vol ${state.muted ? 'muted' : state.volume}${state.shuffle ? ' shuffle' : ''}${state.repeat !== 'off' ? ` repeat ${state.repeat}` : ''}`;
  const position = state.queue_length > 0 && state.queue_index >= 0 ? ` ${state.queue_index + 1}/${state.queue_length}` : '';
  const mark = STATUS_MARK[state.status];
  const right = ` ${time} ${flags}${position}`;
  const room = width - mark.length - 1 - right.length;
  if (room < 8) return clipCells(`${mark} ${song}`, width);
  const barWidth = Math.min(20, Math.max(0, room - Math.min(cellWidth(song), 40) - 3));
  const title = clipCells(song, room - (barWidth > 0 ? barWidth + 3 : 0));
  const bar = barWidth > 0 ? ` [${progressBar(state.position_ms, state.duration_ms, barWidth)}]` : '';
  return `${mark} ${title}${bar}${right}`;
}
