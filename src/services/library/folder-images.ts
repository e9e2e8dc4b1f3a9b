import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderCoverRow } from '../../db/repositories/album-writes.js';
import { bestFolderCover, imageHash, imageMime } from './cover-image.js';

/** What a folder holds as its cover image, compared with what was stored for it. */
export type FolderImage =
  /** The folder cannot be read now (unmounted?): keep what was known. */
  | { kind: 'unreadable' }
  | { kind: 'none' }
  | { kind: 'unchanged'; cover_id: number }
  /** Found, and new or changed since stored: read and hashed. */
  | { kind: 'found'; row: Omit<FolderCoverRow, 'cover_id'>; hash: string; mime: string; byte_size: number };

/**
 * Looks at folders for cover images (cover/folder/front/album .jpg .jpeg .png .webp), once per folder
 * per scan, reading and hashing an image only when its name, size or time differ from what was stored.
 * The scan asks while its tag threads are busy, so the reading mostly costs no extra time.
 */
export class FolderImages {
  private readonly looked = new Map<string, FolderImage>();

  constructor(private readonly stored: ReadonlyMap<string, FolderCoverRow>) {}

  storedFor(folder: string): FolderCoverRow | undefined {
    return this.stored.get(folder);
  }

  look(folder: string): FolderImage {
    let image = this.looked.get(folder);
    if (!image) this.looked.set(folder, (image = lookAt(folder, this.stored.get(folder))));
    return image;
  }
}

function lookAt(folder: string, stored: FolderCoverRow | undefined): FolderImage {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return { kind: 'unreadable' };
  }
  const name = bestFolderCover(names);
  const info = name === undefined ? undefined : statSync(join(folder, name), { throwIfNoEntry: false });
  if (name === undefined || !info?.isFile()) return { kind: 'none' };
  const mtime_ms = Math.trunc(info.mtimeMs);
  if (stored && stored.file_name === name && stored.size === info.size && stored.mtime_ms === mtime_ms) {
    return { kind: 'unchanged', cover_id: stored.cover_id };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, name));
  } catch {
    return { kind: 'unreadable' };
  }
  const mime = imageMime(bytes);
  // Named like a cover, but not an image.
  if (mime === undefined) return { kind: 'none' };
  return { kind: 'found', row: { folder, file_name: name, size: info.size, mtime_ms }, hash: imageHash(bytes), mime, byte_size: bytes.length };
}
