import { sep } from 'node:path';
import type { IPicture } from 'music-metadata';
import { imageHash, imageMime } from './cover-image.js';
import type { EmbeddedPicture } from './song-tags.js';

/** The picture a file's tags hold for its cover: the one typed front cover, else the first that is an image. */
export function embeddedPicture(pictures: readonly IPicture[] | undefined): EmbeddedPicture | undefined {
  if (!pictures || pictures.length === 0) return undefined;
  const images = pictures.filter((p) => p.data.length > 0 && imageMime(p.data) !== undefined);
  const chosen = images.find((p) => /front/i.test(p.type ?? '')) ?? images[0];
  if (!chosen) return undefined;
  return { hash: imageHash(chosen.data), mime: imageMime(chosen.data)!, byte_size: chosen.data.length };
}

/**
 * Which files of a scan to decode pictures for: those of a folder until one of them had a picture
 * (the files of an album share a folder, and usually one picture), so a cover costs one decode and
 * one hash per album instead of one per track. Files arrive folder by folder.
 */
export class PictureLookout {
  private folderWithPicture: string | undefined;

  wants(path: string): boolean {
    return this.folderWithPicture === undefined || !path.startsWith(this.folderWithPicture) || path.includes(sep, this.folderWithPicture.length);
  }

  found(path: string): void {
    this.folderWithPicture = path.slice(0, path.lastIndexOf(sep) + 1);
  }
}
