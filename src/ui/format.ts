import { elapsedClock, lengthClock } from '../text/clock-time.js';

/** A song's length: 3:07, or 1:02:03 past an hour (rounded, as everywhere); "--:--" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  return lengthClock(ms, '--:--');
}

/** A position in a song: whole seconds passed; "--:--" when nothing plays. */
export function formatElapsed(ms: number | null | undefined): string {
  return elapsedClock(ms, '--:--');
}

/** Cells `text` takes in a terminal (wide characters such as 夜 count as two). */
export { cellWidth as displayWidth } from '../text/terminal-cells.js';

/** Cuts `text` to `width` terminal columns with an ellipsis, padding shorter text so columns line up. */
export { fitCells as fit } from '../text/terminal-cells.js';

export function progressBar(fraction: number, width: number): string {
  if (width <= 0) return '';
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '━'.repeat(filled) + '─'.repeat(width - filled);
}

/** "1 song", "2 songs". */
export function counted(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
