import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { xterm256, type RgbImage } from '../../../src/text/cover-art/half-blocks.js';
import {
  artNeedsTerminalQuery, chooseArtProtocol, kittyForget, kittyPlacement, kittyUnplace, kittyUpload,
} from '../../../src/text/cover-art/image-protocols.js';
import { sixelImage } from '../../../src/text/cover-art/sixel.js';
import { parseTerminalAnswers, TERMINAL_QUERY, withoutTerminalAnswers } from '../../../src/text/cover-art/terminal-answers.js';
import { ImageLayer, type TerminalPicture } from '../../../src/ui/art/image-layer.js';

/** Reads sixel data back into colour-register indexes per pixel, by the VT340's rules (a reader, not the encoder). */
function decodeSixel(text: string): { width: number; height: number; pixels: Map<string, number>; colours: Map<number, number[]> } {
  const body = /^\x1bP0;1;0q"1;1;(\d+);(\d+)(.*)\x1b\\$/s.exec(text);
  if (!body) throw new Error(`not a sixel image: ${JSON.stringify(text.slice(0, 40))}`);
  const pixels = new Map<string, number>();
  const colours = new Map<number, number[]>();
  let x = 0;
  let band = 0;
  let colour = 0;
  const data = body[3]!;
  for (let i = 0; i < data.length; ) {
    const ch = data[i]!;
    if (ch === '#') {
      const m = /^#(\d+)(?:;2;(\d+);(\d+);(\d+))?/.exec(data.slice(i))!;
      colour = Number(m[1]);
      if (m[2] !== undefined) colours.set(colour, [Number(m[2]), Number(m[3]), Number(m[4])]);
      i += m[0].length;
    } else if (ch === '$') {
      x = 0;
      i += 1;
    } else if (ch === '-') {
      x = 0;
      band += 1;
      i += 1;
    } else {
      let count = 1;
      if (ch === '!') {
        const m = /^!(\d+)/.exec(data.slice(i))!;
        count = Number(m[1]);
        i += m[0].length;
      }
      const code = data.charCodeAt(i) - 63;
      if (code < 0 || code > 63) throw new Error(`not a sixel character: ${data[i]}`);
      for (let n = 0; n < count; n += 1, x += 1) for (let bit = 0; bit < 6; bit += 1) if (code & (1 << bit)) pixels.set(`${x},${band * 6 + bit}`, colour);
      i += 1;
    }
  }
  return { width: Number(body[1]), height: Number(body[2]), pixels, colours };
}

describe('sixel, as DEC documents it', () => {
  it('writes DCS q, raster attributes, RGB registers in percent, one band per six rows, ST', () => {
    // 2 x 2: red, blue over blue, red.
    const image = { data: Uint8Array.from([255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0]), width: 2, height: 2 };
    expect(sixelImage(image)).toBe('\x1bP0;1;0q"1;1;2;2#21;2;0;0;100#196;2;100;0;0#21A@$#196@A\x1b\\');
  });

  it('repeats runs with !n and leaves trailing unpainted columns out', () => {
    const red = Array.from({ length: 10 }, () => [255, 0, 0]).flat();
    expect(sixelImage({ data: Uint8Array.from(red), width: 10, height: 1 })).toBe('\x1bP0;1;0q"1;1;10;1#196;2;100;0;0#196!10@\x1b\\');
    const rgb = Uint8Array.from([255, 0, 0, 0, 0, 255, 0, 0, 255]);
    expect(sixelImage({ data: rgb, width: 3, height: 1 })).toBe('\x1bP0;1;0q"1;1;3;1#21;2;0;0;100#196;2;100;0;0#21?@@$#196@\x1b\\');
  });

  it('reads back as the same picture (xterm-256 colours) over several bands', () => {
    const width = 23;
    const height = 17;
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i += 1) data[i] = (i * 2654435761) >>> 24;
    const image: RgbImage = { data, width, height };
    const decoded = decodeSixel(sixelImage(image));
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const p = (y * width + x) * 3;
        expect(decoded.pixels.get(`${x},${y}`)).toBe(xterm256(data[p]!, data[p + 1]!, data[p + 2]!));
      }
    }
    expect([...decoded.pixels.keys()].every((k) => Number(k.split(',')[1]) < height)).toBe(true);
    for (const rgb of decoded.colours.values()) expect(rgb.every((v) => v >= 0 && v <= 100)).toBe(true);
  });
});

describe('kitty placements, as the graphics protocol documents them', () => {
  it('uploads once under an id (a=t), places by id with c/r and C=1, deletes placements (d=i) or the image (d=I)', () => {
    const png = new Uint8Array(5000).fill(9);
    const parts = kittyUpload(png, 77).split('\x1b\\').filter(Boolean);
    expect(parts[0]).toMatch(/^\x1b_Ga=t,f=100,i=77,q=2,m=1;[A-Za-z0-9+/]{4096}$/);
    expect(parts[1]).toMatch(/^\x1b_Gm=0;[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(parts.map((p) => p.slice(p.indexOf(';') + 1)).join(''), 'base64')).toEqual(Buffer.from(png));
    expect(kittyPlacement(77, 12, 6)).toBe('\x1b_Ga=p,i=77,p=1,c=12,r=6,C=1,q=2\x1b\\');
    expect(kittyUnplace(77)).toBe('\x1b_Ga=d,d=i,i=77,q=2\x1b\\');
    expect(kittyForget(77)).toBe('\x1b_Ga=d,d=I,i=77,q=2\x1b\\');
  });
});

describe('asking the terminal', () => {
  it("sends kitty's query (1x1 RGB, a=q), the cell size (CSI 16 t), the text area (CSI 14 t), then DA1", () => {
    expect(TERMINAL_QUERY).toBe('\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[16t\x1b[14t\x1b[c');
  });

  it("takes a cell's size from the text area's when the terminal said only that (XTWINOPS 14), the cell's own first", () => {
    const size = { columns: 100, rows: 30 };
    expect(parseTerminalAnswers('\x1b[4;600;900t\x1b[?62;4c', size)).toEqual({ complete: true, kitty: false, sixel: true, cell: { width: 9, height: 20 } });
    expect(parseTerminalAnswers('\x1b[6;18;8t\x1b[4;600;900t\x1b[?62;4c', size).cell).toEqual({ width: 8, height: 18 });
    expect(parseTerminalAnswers('\x1b[4;600;900t\x1b[?62;4c').cell).toBeUndefined();
    expect(parseTerminalAnswers('\x1b[4;0;0t\x1b[?62;4c', size).cell).toBeUndefined();
    expect(withoutTerminalAnswers('a\x1b[4;600;900tb')).toBe('ab');
  });

  it('reads kitty, sixel (DA1 attribute 4) and the cell size; DA1 ends it; typed keys are kept', () => {
    expect(parseTerminalAnswers('\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[?62;22c')).toEqual({ complete: true, kitty: true, sixel: false, cell: { width: 10, height: 20 } });
    expect(parseTerminalAnswers('\x1b[?63;1;2;4;6;9;15;22c')).toEqual({ complete: true, kitty: false, sixel: true });
    expect(parseTerminalAnswers('\x1b[?1;2c')).toMatchObject({ complete: true, kitty: false, sixel: false });
    expect(parseTerminalAnswers('\x1b[?64;1;2;14c')).toMatchObject({ sixel: false });
    expect(parseTerminalAnswers('\x1b_Gi=31;EINVAL:nope\x1b\\')).toEqual({ complete: false, kitty: false, sixel: false });
    expect(withoutTerminalAnswers('j\x1b_Gi=31;OK\x1b\\k\x1b[6;20;10t\x1b[?62;4c/')).toBe('jk/');
  });

  it('chooses by the setting first, then the environment, then the answers; NO_COLOR alone turns art off', () => {
    const plain = { TERM: 'xterm-256color' };
    expect(chooseArtProtocol('auto', plain)).toBe('halfblocks-256');
    expect(chooseArtProtocol('auto', { ...plain, COLORTERM: 'truecolor' })).toBe('halfblocks');
    expect(chooseArtProtocol('auto', plain, { kitty: true, sixel: true })).toBe('kitty');
    expect(chooseArtProtocol('auto', plain, { kitty: false, sixel: true })).toBe('sixel');
    expect(chooseArtProtocol('auto', { TERM: 'xterm-kitty' }, { kitty: false, sixel: true })).toBe('kitty');
    expect(chooseArtProtocol('auto', { ...plain, NO_COLOR: '1' }, { kitty: true, sixel: true })).toBe('off');
    expect(chooseArtProtocol('halfblocks', { ...plain, NO_COLOR: '1' })).toBe('halfblocks-256');
    expect(chooseArtProtocol('sixel', plain)).toBe('sixel');
    expect(chooseArtProtocol('iterm2', plain)).toBe('iterm');
    expect(chooseArtProtocol('off', { TERM: 'xterm-kitty' })).toBe('off');
    expect(artNeedsTerminalQuery('auto', plain)).toBe(true);
    expect(artNeedsTerminalQuery('auto', { TERM: 'xterm-kitty' })).toBe(false);
    expect(artNeedsTerminalQuery('auto', { ...plain, NO_COLOR: '1' })).toBe(false);
    expect(artNeedsTerminalQuery('halfblocks', plain)).toBe(false);
  });
});

describe('the image layer (pictures drawn outside Ink’s frame)', () => {
  function terminal() {
    const stream = new PassThrough();
    const written: string[] = [];
    stream.on('data', (chunk: Buffer) => written.push(chunk.toString('utf8')));
    return { stream: stream as unknown as NodeJS.WriteStream, written, raw: stream };
  }
  const picture: TerminalPicture = { protocol: 'kitty', id: 5, upload: '<upload 5>', draw: kittyPlacement(5, 12, 6) };

  it('after each burst of frame writes draws its placements at their cells, cursor saved and restored; kitty uploads once', async () => {
    const { stream, written } = terminal();
    const layer = new ImageLayer(stream);
    layer.set('cover', { row: 22, column: 0, columns: 12, rows: 6, picture });
    await nextTurn();
    expect(written.join('')).toBe(`<upload 5>\x1b7\x1b[23;1H${kittyPlacement(5, 12, 6)}\x1b8`);
    written.length = 0;
    layer.stdout.write('frame one');
    layer.stdout.write('frame one, rest');
    await nextTurn();
    expect(written.join('')).toBe(`frame oneframe one, rest\x1b7\x1b[23;1H${kittyPlacement(5, 12, 6)}\x1b8`);
  });

  it('takes a kitty placement off when it goes and on resize, and frees the image on close', async () => {
    const { stream, written, raw } = terminal();
    const layer = new ImageLayer(stream);
    layer.set('cover', { row: 1, column: 21, columns: 12, rows: 6, picture });
    await nextTurn();
    written.length = 0;
    raw.emit('resize');
    expect(written.join('')).toBe(kittyUnplace(5));
    written.length = 0;
    layer.set('cover', undefined);
    layer.stdout.write('frame');
    await nextTurn();
    expect(written.join('')).toBe(`${kittyUnplace(5)}frame`);
    expect(layer.cleanup()).toBe(kittyForget(5));
    written.length = 0;
    layer.close();
    layer.stdout.write('after');
    await nextTurn();
    expect(written.join('')).toBe(`${kittyForget(5)}after`);
  });

  it('redraws sixel and iTerm2 pictures themselves after every frame (the text overwrote them)', async () => {
    const { stream, written } = terminal();
    const layer = new ImageLayer(stream);
    layer.set('album', { row: 1, column: 21, columns: 2, rows: 1, picture: { protocol: 'sixel', id: 0, draw: '<sixel>' } });
    await nextTurn();
    layer.stdout.write('frame');
    await nextTurn();
    expect(written.join('')).toBe('\x1b7\x1b[2;22H<sixel>\x1b8frame\x1b7\x1b[2;22H<sixel>\x1b8');
  });
});

describe('half blocks, compactly', () => {
  it('says a colour again only where it changes', async () => {
    const { halfBlockLines } = await import('../../../src/text/cover-art/half-blocks.js');
    // 3 x 2: red over blue, red over blue, red over green.
    const data = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 0]);
    expect(halfBlockLines({ data, width: 3, height: 2 }, 'truecolor')).toEqual(['\x1b[38;2;255;0;0;48;2;0;0;255m▀▀\x1b[48;2;0;255;0m▀\x1b[0m']);
    expect(halfBlockLines({ data, width: 3, height: 2 }, '256')).toEqual(['\x1b[38;5;196;48;5;21m▀▀\x1b[48;5;46m▀\x1b[0m']);
  });
});

describe('where covers fit', () => {
  it('6 lines from a 60x20 terminal, 8 from 40 lines; none smaller or without art', async () => {
    const { coverLayout } = await import('../../../src/ui/art/cover-layout.js');
    // The frame is one line less than the terminal.
    expect(coverLayout(true, 100, 29)).toEqual({ coverRows: 6, coverColumns: 12, nowPlayingRows: 6 });
    expect(coverLayout(true, 60, 19)).toEqual({ coverRows: 6, coverColumns: 12, nowPlayingRows: 6 });
    expect(coverLayout(true, 120, 39)).toEqual({ coverRows: 8, coverColumns: 16, nowPlayingRows: 8 });
    expect(coverLayout(true, 100, 18)).toEqual({ coverRows: 0, coverColumns: 0, nowPlayingRows: 2 });
    expect(coverLayout(true, 59, 29)).toMatchObject({ coverRows: 0, nowPlayingRows: 2 });
    expect(coverLayout(false, 120, 39)).toMatchObject({ coverRows: 0, nowPlayingRows: 2 });
  });
});
