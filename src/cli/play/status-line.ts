import type { PlaybackState } from '../../services/playback/playback-state.js';
import { elapsedClock, lengthClock } from '../../text/clock-time.js';

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

const STATUS_MARK: Record<PlaybackState['status'], string> = { playing: '>', paused: '||', loading: '..', stopped: '[]', ended: '[]' };

/**
 * The one live line of `tunes play` on a terminal: status, title - artist, elapsed / length, a
 * progress bar, volume, shuffle and repeat. Never wider than `columns - 1` (so the terminal never wraps).
 */
export function formatStatusLine(state: PlaybackState, columns: number): string {
  const width = Math.max(20, columns - 1);
  const song = state.song ? `${state.song.title} - ${state.song.artist}` : 'nothing playing';
  const time = `${formatClock(state.positionMs)} / ${formatLength(state.durationMs)}`;
  const flags = `vol ${state.muted ? 'muted' : state.volume}${state.shuffle ? ' shuffle' : ''}${state.repeat !== 'off' ? ` repeat ${state.repeat}` : ''}`;
  const position = state.length > 0 && state.index >= 0 ? ` ${state.index + 1}/${state.length}` : '';
  const right = ` ${time} ${flags}${position}`;
  const room = width - STATUS_MARK[state.status].length - 1 - right.length;
  if (room < 8) return truncate(`${STATUS_MARK[state.status]} ${song}`, width);
  const barWidth = Math.min(20, Math.max(0, room - Math.min(song.length, 40) - 3));
  const title = truncate(song, room - (barWidth > 0 ? barWidth + 3 : 0));
  const bar = barWidth > 0 ? ` [${progressBar(state.positionMs, state.durationMs, barWidth)}]` : '';
  return `${STATUS_MARK[state.status]} ${title}${bar}${right}`;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}~`;
}
