import stringWidth from 'string-width';

/**
 * Terminal cell arithmetic shared by the CLI tables and the full-screen UI: CJK and fullwidth
 * characters and most emoji take two cells, combining marks none (string-width, which Ink uses too).
 */
const graphemes = new Intl.Segmenter();

/** Control characters (a newline in a tag) would break rows: they become spaces. */
function printable(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ');
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
  for (const { segment } of graphemes.segment(clean)) {
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
