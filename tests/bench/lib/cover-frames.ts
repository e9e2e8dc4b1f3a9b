/**
 * Frames of a browser-like screen (a 12x6 half-block cover beside 28 song rows) made by Ink, a row
 * moved each frame as key j moves the cursor: without a cover, with the cover through the
 * half-block layer, and with its colour codes inside Ink's frame (the previous way). The three run
 * in turn, frame by frame in one process, so a loaded machine slows them alike.
 */
import { EventEmitter } from 'node:events';
import { Box, render, Text } from 'ink';
import { createElement as h, useEffect, useState } from 'react';
import { halfBlockCells, type RgbImage } from '../../../src/text/cover-art/half-blocks.js';
import { CoverArtBox } from '../../../src/ui/art/cover-art.js';
import { CoverArtProvider, type CoverArt } from '../../../src/ui/art/cover-art-context.js';
import { HalfBlockLayer } from '../../../src/ui/art/half-block-layer.js';
import type { CoverArtSource } from '../../../src/ui/data/cover-art-source.js';

class Terminal extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  last = '';
  sawCover = false;
  write(chunk: unknown) {
    this.last = String(chunk);
    if (this.last.includes('▀')) this.sawCover = true;
    this.emit('wrote', this.last);
    return true;
  }
}

export type CoverVariant = 'none' | 'layer' | 'in-frame';

export interface CoverFrames {
  /** Key (state change) to the frame written, ms. */
  frames: Record<CoverVariant, number[]>;
  /** Ink's own render of each frame (its onRender renderTime), ms. */
  renders: Record<CoverVariant, number[]>;
}

export async function coverFrameTimes(image: RgbImage, frames: number): Promise<CoverFrames> {
  const cells = halfBlockCells(image, 'truecolor');
  const source: CoverArtSource = { protocol: 'halfblocks', picture: () => Promise.resolve({ kind: 'cells', cells }) };
  const variants: CoverVariant[] = ['none', 'layer', 'in-frame'];
  const screens = variants.map((variant) => {
    const terminal = new Terminal();
    const layer = new HalfBlockLayer(terminal as unknown as NodeJS.WriteStream);
    const art: CoverArt | undefined = variant === 'none' ? undefined : variant === 'layer' ? { source, halfBlocks: layer } : { source };
    const cursor = new EventEmitter();
    function Screen() {
      const [at, setAt] = useState(0);
      useEffect(() => {
        cursor.on('move', setAt);
        return () => void cursor.off('move', setAt);
      }, []);
      return h(
        Box,
        { flexDirection: 'column', width: 100, height: 29 },
        h(
          Box,
          { flexDirection: 'column', height: 22 },
          ...Array.from({ length: 22 }, (_, i) =>
            h(Text, { key: i, inverse: i === at % 22, wrap: 'truncate' }, `Song title number ${at + i}        Some Artist        Some Album       3:${String(i).padStart(2, '0')}`),
          ),
        ),
        h(
          Box,
          { flexDirection: 'row', height: 6 },
          art ? h(CoverArtBox, { target: { songId: 1 }, columns: 12, rows: 6, row: 22, column: 0 }) : h(Box, { width: 12, height: 6 }),
          h(Text, null, ` Playing: a song (${at})`),
        ),
      );
    }
    const renders: number[] = [];
    const app = render(h(CoverArtProvider, { art, children: h(Screen) }), {
      stdout: (art?.halfBlocks?.stdout ?? terminal) as unknown as NodeJS.WriteStream,
      patchConsole: false,
      maxFps: 120,
      onRender: ({ renderTime }) => renders.push(renderTime),
    });
    return { variant, terminal, cursor, app, renders };
  });
  // Each screen's first frame, with its cover painted.
  // (Written already, maybe, while an earlier screen was awaited.)
  for (const s of screens) await nextWrite(s.terminal, () => s.variant === 'none' || s.terminal.sawCover, () => undefined);
  const times: Record<CoverVariant, number[]> = { none: [], layer: [], 'in-frame': [] };
  for (let frame = 1; frame <= frames; frame += 1) {
    for (const s of screens) {
      await new Promise((r) => setTimeout(r, 12));
      const started = performance.now();
      await nextWrite(s.terminal, (t) => t.includes(`(${frame})`), () => s.cursor.emit('move', frame));
      times[s.variant].push(performance.now() - started);
    }
  }
  const renders = Object.fromEntries(screens.map((s) => [s.variant, s.renders.slice(-frames)])) as Record<CoverVariant, number[]>;
  for (const s of screens) s.app.unmount();
  return { frames: times, renders };
}

function nextWrite(terminal: Terminal, check: (text: string) => boolean, then: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no frame as expected; last: ${terminal.last.slice(-300)}`)), 60_000);
    const look = (text: string) => {
      if (!check(text)) return;
      clearTimeout(timer);
      terminal.off('wrote', look);
      resolve();
    };
    terminal.on('wrote', look);
    if (check(terminal.last)) look(terminal.last);
    then();
  });
}
