import { readFile } from 'node:fs/promises';
import { MAX_COVER_SIZE, MIN_COVER_SIZE, type CoverService } from '../../services/covers/cover-service.js';
import { coverPixels, coverPng } from '../../services/covers/resize.js';
import { halfBlockCells, type HalfBlockCell } from '../../text/cover-art/half-blocks.js';
import { itermImage, kittyPlacement, kittyUpload, type ArtProtocol } from '../../text/cover-art/image-protocols.js';
import { sixelImage } from '../../text/cover-art/sixel.js';
import type { TerminalPicture } from '../art/image-layer.js';

export type CoverTarget = { songId: number } | { albumId: number };

/** A cover ready to show: rows of half-block cells (text cells), or a picture the terminal draws. */
export type CoverPicture = { kind: 'cells'; cells: HalfBlockCell[][] } | { kind: 'image'; picture: TerminalPicture };

export interface CoverArtSource {
  protocol: ArtProtocol;
  /** The cover fitted to `columns` x `rows` cells; null when there is none (or it cannot be read). */
  picture(target: CoverTarget, columns: number, rows: number): Promise<CoverPicture | null>;
}

/** A cell's size in pixels when the terminal did not say: what most terminals use at 10-11 pt. */
export const DEFAULT_CELL = { width: 10, height: 20 };
const CACHE_ENTRIES = 16;
// kitty image ids: this process's own range, so two tunes in one kitty window do not replace each other's.
let nextKittyId = 0x1000_0000 + (process.pid % 0xffff) * 0x1000;

/**
 * Covers for the browser, made the way the chosen protocol draws them, from the covers service's
 * files (its cached small copy for half blocks). The last few are kept: a frame asks again freely.
 */
export function coverArtSource(covers: Pick<CoverService, 'albumCover' | 'songCover'>, protocol: ArtProtocol, cell = DEFAULT_CELL): CoverArtSource {
  const cache = new Map<string, Promise<CoverPicture | null>>();
  const make = async (target: CoverTarget, columns: number, rows: number): Promise<CoverPicture | null> => {
    const cells = protocol === 'halfblocks' || protocol === 'halfblocks-256';
    const size = cells ? Math.min(MAX_COVER_SIZE, Math.max(MIN_COVER_SIZE, columns * 4)) : undefined;
    let file;
    try {
      file = 'albumId' in target ? await covers.albumCover(target.albumId, size) : await covers.songCover(target.songId, size);
    } catch {
      return null;
    }
    const bytes = await readFile(file.path);
    if (cells) return { kind: 'cells', cells: halfBlockCells(await coverPixels(bytes, columns, rows * 2), protocol === 'halfblocks' ? 'truecolor' : '256') };
    const width = columns * cell.width;
    const height = rows * cell.height;
    if (protocol === 'sixel') {
      return { kind: 'image', picture: { protocol, id: 0, draw: sixelImage(await coverPixels(bytes, width, height)) } };
    }
    const png = await coverPng(bytes, Math.min(600, Math.max(width, height)));
    if (protocol === 'kitty') {
      const id = (nextKittyId += 1);
      return { kind: 'image', picture: { protocol, id, upload: kittyUpload(png, id), draw: kittyPlacement(id, columns, rows) } };
    }
    return { kind: 'image', picture: { protocol: 'iterm', id: 0, draw: itermImage(png, columns, rows) } };
  };
  return {
    protocol,
    picture(target, columns, rows) {
      if (protocol === 'off') return Promise.resolve(null);
      const key = `${'albumId' in target ? `a${target.albumId}` : `s${target.songId}`}:${columns}x${rows}`;
      let found = cache.get(key);
      if (found) {
        cache.delete(key);
      } else {
        found = make(target, columns, rows).catch(() => null);
        if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      }
      cache.set(key, found);
      return found;
    },
  };
}
