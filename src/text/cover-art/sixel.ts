import type { RgbImage } from './half-blocks.js';
import { xterm256 } from './half-blocks.js';

const CUBE = [0, 95, 135, 175, 215, 255];

/** The RGB of xterm's colour `index` (16-255): the 6x6x6 cube, then the grey ramp. */
function paletteRgb(index: number): [number, number, number] {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10;
    return [grey, grey, grey];
  }
  const i = index - 16;
  return [CUBE[Math.floor(i / 36)]!, CUBE[Math.floor(i / 6) % 6]!, CUBE[i % 6]!];
}

const percent = (v: number) => Math.round((v * 100) / 255);

/** A run of one sixel character: `!n` repeats it when that is shorter (DEC's Graphics Repeat Introducer). */
function run(char: string, count: number): string {
  return count > 3 ? `!${count}${char}` : char.repeat(count);
}

/**
 * An image as DEC sixel graphics (VT330/340; what xterm -ti vt340, foot, mlterm, WezTerm and
 * Windows Terminal draw): `ESC P 0;1;0 q` (P2=1: pixels not painted keep the background), raster
 * attributes `"1;1;width;height`, the colour registers used (`#n;2;r;g;b` in percent), then bands of
 * six pixel rows: per colour `#n` and one character per column (`?` + the six rows' bits), `$` back
 * to the band's start, `-` to the next band; `ESC \` ends it. Colours are xterm's 256 (16-255), so
 * every terminal's 256 registers suffice.
 */
export function sixelImage(image: RgbImage): string {
  const { data, width, height } = image;
  const indexes = new Uint8Array(width * height);
  const used = new Set<number>();
  for (let p = 0; p < width * height; p += 1) {
    const index = xterm256(data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!);
    indexes[p] = index;
    used.add(index);
  }
  let out = `\x1bP0;1;0q"1;1;${width};${height}`;
  for (const index of [...used].sort((a, b) => a - b)) {
    const [r, g, b] = paletteRgb(index);
    out += `#${index};2;${percent(r)};${percent(g)};${percent(b)}`;
  }
  for (let top = 0; top < height; top += 6) {
    const bandRows = Math.min(6, height - top);
    const inBand = new Set<number>();
    for (let y = top; y < top + bandRows; y += 1) for (let x = 0; x < width; x += 1) inBand.add(indexes[y * width + x]!);
    const bands: string[] = [];
    for (const index of [...inBand].sort((a, b) => a - b)) {
      let line = `#${index}`;
      let previous = '';
      let count = 0;
      for (let x = 0; x < width; x += 1) {
        let bits = 0;
        for (let dy = 0; dy < bandRows; dy += 1) if (indexes[(top + dy) * width + x] === index) bits |= 1 << dy;
        const char = String.fromCharCode(63 + bits);
        if (char === previous) count += 1;
        else {
          if (count > 0) line += run(previous, count);
          previous = char;
          count = 1;
        }
      }
      // Trailing empty columns paint nothing: left out.
      if (previous !== '?') line += run(previous, count);
      bands.push(line);
    }
    out += bands.join('$') + (top + 6 < height ? '-' : '');
  }
  return `${out}\x1b\\`;
}
