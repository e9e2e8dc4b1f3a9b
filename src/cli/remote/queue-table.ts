import type { PlayerQueue } from '../../domain/player-state.js';
import { lengthClock } from '../../text/clock-time.js';
import { fitCells } from '../../text/terminal-cells.js';
import { terminalSafe } from '../../text/terminal-safe.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** position, title, artist, album, length; ▶ marks the current song. */
export function renderQueue(queue: PlayerQueue, width: number): string {
  if (queue.entries.length === 0) return 'The queue is empty. Add songs with: tunes queue add, or tunes play';
  const numberWidth = String(queue.entries.length).length;
  const lengths = queue.entries.map((e) => lengthClock(e.song.duration_ms, ''));
  const flexible = Math.max(30, width - numberWidth - 2 - 7 - 6);
  const titleWidth = Math.floor(flexible * 0.4);
  const artistWidth = Math.floor(flexible * 0.3);
  const albumWidth = flexible - titleWidth - artistWidth;
  const lines = queue.entries.map((entry, i) => {
    const mark = i === queue.current_index ? '▶' : ' ';
    const row = [
      `${mark} ${String(i + 1).padStart(numberWidth)}`,
      fitCells(terminalSafe(entry.song.title), titleWidth),
      fitCells(terminalSafe(entry.song.artist), artistWidth),
      fitCells(terminalSafe(entry.song.album), albumWidth),
      (lengths[i] ?? '').padStart(5),
    ].join('  ');
    return row.trimEnd();
  });
  const total = queue.entries.reduce((sum, e) => sum + (e.song.duration_ms ?? 0), 0);
  const footer = `${plural(queue.entries.length, 'song')}, ${lengthClock(total)}`;
  return [...lines, footer].join('\n');
}
