/** Pixels as sharp's raw RGB gives them: `width` x `height`, 3 bytes each. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export type ColourDepth = 'truecolor' | '256';

/** One cell of half blocks: the SGR colour of its upper pixel (foreground) and its lower (background). */
export interface HalfBlockCell {
  top: string;
  bottom: string;
}

/**
 * An image as rows of half-block cells (▀): each cell shows two pixels, the upper as the foreground
 * and the lower as the background, in 24-bit colour or the nearest of xterm's 256. `height` pixels
 * make height / 2 rows.
 */
export function halfBlockCells(image: RgbImage, depth: ColourDepth): HalfBlockCell[][] {
  const rows: HalfBlockCell[][] = [];
  const { data, width, height } = image;
  const colour = (at: number) =>
    depth === 'truecolor' ? `2;${data[at]};${data[at + 1]};${data[at + 2]}` : `5;${xterm256(data[at]!, data[at + 1]!, data[at + 2]!)}`;
  for (let y = 0; y + 1 < height; y += 2) {
    const row: HalfBlockCell[] = [];
    for (let x = 0; x < width; x += 1) row.push({ top: colour((y * width + x) * 3), bottom: colour(((y + 1) * width + x) * 3) });
    rows.push(row);
  }
  return rows;
}

/** Cells side by side as ▀ with their colours, then a reset. A colour is said again only where it changes. */
export function paintHalfBlocks(cells: readonly HalfBlockCell[]): string {
  let line = '';
  let previousTop = '';
  let previousBottom = '';
  for (const { top, bottom } of cells) {
    const codes = [...(top !== previousTop ? [`38;${top}`] : []), ...(bottom !== previousBottom ? [`48;${bottom}`] : [])];
    line += codes.length > 0 ? `\x1b[${codes.join(';')}m▀` : '▀';
    previousTop = top;
    previousBottom = bottom;
  }
  return `${line}\x1b[0m`;
}

/**
 * An image as lines of Unicode upper half blocks, ready to print. Works in any terminal that has
 * colour, tmux included. `height` pixels make height / 2 lines.
 */
export function halfBlockLines(image: RgbImage, depth: ColourDepth): string[] {
  return halfBlockCells(image, depth).map(paintHalfBlocks);
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** The nearest xterm-256 colour: the 6x6x6 cube or the grey ramp, whichever is closer. */
export function xterm256(r: number, g: number, b: number): number {
  const level = (v: number) => (v < 48 ? 0 : v < 115 ? 1 : Math.min(5, Math.floor((v - 35) / 40)));
  const [cr, cg, cb] = [level(r), level(g), level(b)];
  const cube = 16 + 36 * cr + 6 * cg + cb;
  const cubeDistance = (CUBE[cr]! - r) ** 2 + (CUBE[cg]! - g) ** 2 + (CUBE[cb]! - b) ** 2;
  const grey = Math.round((r + g + b) / 3);
  const greyIndex = grey > 238 ? 23 : Math.max(0, Math.round((grey - 8) / 10));
  const greyValue = 8 + greyIndex * 10;
  const greyDistance = (greyValue - r) ** 2 + (greyValue - g) ** 2 + (greyValue - b) ** 2;
  return greyDistance < cubeDistance ? 232 + greyIndex : cube;
}
