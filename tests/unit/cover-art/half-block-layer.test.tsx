import { EventEmitter } from 'node:events';
import { Box, render, Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { halfBlockCells, halfBlockLines, paintHalfBlocks, type RgbImage } from '../../../src/text/cover-art/half-blocks.js';
import { CoverArtBox } from '../../../src/ui/art/cover-art.js';
import { CoverArtProvider } from '../../../src/ui/art/cover-art-context.js';
import { HalfBlockLayer } from '../../../src/ui/art/half-block-layer.js';
import type { CoverArtSource, CoverPicture } from '../../../src/ui/data/cover-art-source.js';

/** A width x height picture of distinct colours, so each cell's codes differ. */
function picture(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 1) data[i] = (i * 37) % 256;
  return { data, width, height };
}

class Terminal extends EventEmitter {
  isTTY = true;
  columns = 40;
  rows = 10;
  written: string[] = [];
  write(chunk: unknown) {
    this.written.push(String(chunk));
    return true;
  }
}

async function until<T>(what: string, look: () => T | undefined, last: () => string): Promise<T> {
  for (let i = 0; i < 500; i += 1) {
    const found = look();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never saw ${what}; last: ${JSON.stringify(last().slice(-300))}`);
}

describe('the half-block layer', () => {
  it('paints a placeholder and the blanks after it as the very bytes of that half-block line', () => {
    const image = picture(12, 12);
    const cells = halfBlockCells(image, 'truecolor');
    const layer = new HalfBlockLayer(new Terminal() as unknown as NodeJS.WriteStream);
    const { slot, lines } = layer.placeholders(cells);
    layer.use(slot, cells);
    // One character a row in Ink's frame, no colour code.
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => !line.includes('\x1b') && [...line].length === 1)).toBe(true);
    const painted = halfBlockLines(image, 'truecolor');
    expect(lines.map((line) => layer.paint(`a${line}${' '.repeat(11)} b`))).toEqual(painted.map((line) => `a${line} b`));
    // The line ends after it (Ink drops trailing blanks): the whole row.
    expect(layer.paint(`${lines[0]}\n${lines[1]}`)).toBe(`${painted[0]}\n${painted[1]}`);
  });

  it('paints what is left of a row an overlay drew over, and a placeholder of no cover as a blank', () => {
    const cells = halfBlockCells(picture(4, 2), '256');
    const layer = new HalfBlockLayer(new Terminal() as unknown as NodeJS.WriteStream);
    const { slot, lines } = layer.placeholders(cells);
    layer.use(slot, cells);
    expect(layer.paint(`${lines[0]}  \x1b[90m│`)).toBe(`${paintHalfBlocks(cells[0]!.slice(0, 3))}\x1b[90m│`);
    layer.release(slot);
    expect(layer.paint(`x${lines[0]}   y`)).toBe('x    y');
  });

  it('gives two covers on screen slots of their own, and the same cover the same slot', () => {
    const layer = new HalfBlockLayer(new Terminal() as unknown as NodeJS.WriteStream);
    const one = halfBlockCells(picture(2, 2), 'truecolor');
    const two = halfBlockCells(picture(2, 4), 'truecolor');
    const a = layer.placeholders(one);
    const b = layer.placeholders(two);
    expect(a.slot).not.toBe(b.slot);
    expect(layer.placeholders(one)).toEqual(a);
  });

  it("keeps the cover's colour codes out of the frame Ink lays out, and puts them in the same write", async () => {
    const terminal = new Terminal();
    const layer = new HalfBlockLayer(terminal as unknown as NodeJS.WriteStream);
    const image = picture(8, 8);
    const cover: CoverPicture = { kind: 'cells', cells: halfBlockCells(image, 'truecolor') };
    const source: CoverArtSource = { protocol: 'halfblocks', picture: () => Promise.resolve(cover) };
    // What Ink itself writes, before the layer: the frame it laid out.
    const inkWrites: string[] = [];
    const inkSide = new Proxy(layer.stdout, {
      get(target, property) {
        if (property === 'write') return (chunk: unknown) => (inkWrites.push(String(chunk)), target.write(String(chunk)));
        return Reflect.get(target, property, target) as unknown;
      },
    });
    const app = render(
      <CoverArtProvider art={{ source, halfBlocks: layer }}>
        <Box flexDirection="row">
          <CoverArtBox target={{ songId: 1 }} columns={8} rows={4} row={0} column={0} />
          <Text> beside</Text>
        </Box>
      </CoverArtProvider>,
      { stdout: inkSide, patchConsole: false },
    );
    const lines = halfBlockLines(image, 'truecolor');
    // The cover rendered (its slot, the first, taken); under CI Ink writes its last frame on unmount only.
    await until('the cover rendered', () => (layer.paint(String.fromCodePoint(0x10_0000)) !== ' ' ? true : undefined), () => terminal.written.join(''));
    app.unmount();
    const frame = terminal.written.find((w) => lines.every((line) => w.includes(line)));
    expect(frame, `no painted cover in ${JSON.stringify(terminal.written.join('').slice(-300))}`).toBeDefined();
    expect(frame).toContain(`${lines[0]} beside`);
    const laidOut = inkWrites[terminal.written.indexOf(frame!)]!;
    expect(laidOut).not.toMatch(/38;2;/);
    expect(laidOut).toContain(' beside');
  });
});
