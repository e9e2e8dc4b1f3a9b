import stringWidth from 'string-width';
import { madeOnce } from './made-once.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * Terminal cell arithmetic shared by the CLI tables and the full-screen UI: CJK and fullwidth
 * characters and most emoji take two cells, combining marks none (string-width, which Ink uses too).
 */
const graphemes = madeOnce(() => new Intl.Segmenter());

/**
 * A cell holds outside text (tags, names): line breaks and tabs would break rows, so they become a
 * space; every other control character or sequence becomes terminalSafe's visible stand-in.
 */
function printable(text: string): string {
  return terminalSafe(text.replace(/[\t\n\v\f\r]+/g, ' '));
}

export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** At most `max` cells, cut with … when longer. */
export function clipCells(text: string, max: number): string {
  const clean = printable(text);
  if (max <= 0) return '';
  if (stringWidth(clean) <= max) return clean;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes().segment(clean)) {
    const width = stringWidth(segment);
    if (used + width > max - 1) break;
    out += segment;
    used += width;
  }
  return `${out}…`;
}

/** Exactly `width` cells: clipped with … or padded with spaces, so columns line up. */
export function fitCells(text: string, width: number): string {
  if (width <= 0) return '';
  const clipped = clipCells(text, width);
  return clipped + ' '.repeat(Math.max(0, width - stringWidth(clipped)));
}
