import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Cover } from '../../domain/album.js';
import { albumCover, coverSources, songCover } from '../../db/repositories/covers.js';
import { TunesError } from '../../errors.js';
import { imageHash, MIME_EXTENSIONS } from '../library/cover-image.js';
import { readEmbeddedPicture } from './embedded-source.js';
import { resizeImage } from './resize.js';

export const MIN_COVER_SIZE = 16;
export const MAX_COVER_SIZE = 2048;

/** A cover as a file on this machine, ready to send or hand to a player (MPRIS wants a file:// path). */
export interface CoverFile {
  path: string;
  mime: string;
  /** Changes exactly when the bytes do (content hash and size asked for). */
  etag: string;
  byte_size: number;
}

/**
 * Album covers found by the scan (embedded pictures and folder images, one row per distinct image),
 * served from a cache on disk: the original is copied there from wherever the scan found it, and each
 * size asked for is made once from it (sharp) and kept.
 */
export interface CoverService {
  /** The album's cover, fitted inside `size` x `size` pixels when given (never enlarged). not_found without one. */
  albumCover(albumId: number, size?: number): Promise<CoverFile>;
  /** The song's own embedded picture, else its album's cover. */
  songCover(songId: number, size?: number): Promise<CoverFile>;
}

export function createCoverService({ db, cacheDir }: { db: Kysely<Database>; cacheDir: string }): CoverService {
  const dir = join(cacheDir, 'covers');

  async function serve(cover: Cover, size: number | undefined): Promise<CoverFile> {
    const original = await originalFile(cover);
    if (size === undefined) return original;
    const ext = cover.mime === 'image/png' || cover.mime === 'image/webp' ? MIME_EXTENSIONS[cover.mime]! : 'jpg';
    const path = join(dir, cover.hash.slice(0, 2), `${cover.hash}-${size}.${ext}`);
    const etag = `"${cover.hash.slice(0, 20)}-${size}"`;
    const cached = statSync(path, { throwIfNoEntry: false });
    if (cached) return { path, mime: mimeOf(ext), etag, byte_size: cached.size };
    const resized = await resizeImage(readFileSync(original.path), size, ext);
    // Never enlarged: a cover already small enough is the original.
    if (resized === undefined) return { ...original, etag };
    writeAtomically(path, resized);
    return { path, mime: mimeOf(ext), etag, byte_size: resized.length };
  }

  async function originalFile(cover: Cover): Promise<CoverFile> {
    const path = join(dir, cover.hash.slice(0, 2), `${cover.hash}.${MIME_EXTENSIONS[cover.mime] ?? 'img'}`);
    const file = { path, mime: cover.mime, etag: `"${cover.hash.slice(0, 20)}"`, byte_size: cover.byte_size };
    if (statSync(path, { throwIfNoEntry: false })) return file;
    const bytes = await findBytes(cover);
    if (!bytes) throw new TunesError('not_found', 'the cover is no longer where the last scan found it (rescan the library)');
    writeAtomically(path, bytes);
    return file;
  }

  async function findBytes(cover: Cover): Promise<Uint8Array | undefined> {
    const { images, embeddedIn } = await coverSources(db, cover.id);
    for (const image of images) {
      try {
        const bytes = readFileSync(join(image.folder, image.file_name));
        if (imageHash(bytes) === cover.hash) return bytes;
      } catch {
        // moved or unreadable: try the next place
      }
    }
    for (const path of embeddedIn) {
      const bytes = await readEmbeddedPicture(path, cover.hash);
      if (bytes) return bytes;
    }
    return undefined;
  }

  return {
    async albumCover(albumId, size) {
      const cover = await albumCover(db, validId(albumId, 'album'));
      if (cover === undefined) throw new TunesError('not_found', `no album with id ${albumId}`);
      if (cover === null) throw new TunesError('not_found', `album ${albumId} has no cover`);
      return serve(cover, validSize(size));
    },
    async songCover(songId, size) {
      const cover = await songCover(db, validId(songId, 'song'));
      if (cover === undefined) throw new TunesError('not_found', `no song with id ${songId}`);
      if (cover === null) throw new TunesError('not_found', `song ${songId} has no cover (nor has its album)`);
      return serve(cover, validSize(size));
    },
  };
}

function validId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new TunesError('invalid_input', `invalid ${what} id: ${id}`);
  return id;
}

function validSize(size: number | undefined): number | undefined {
  if (size === undefined) return undefined;
  if (!Number.isInteger(size) || size < MIN_COVER_SIZE || size > MAX_COVER_SIZE) {
    throw new TunesError('invalid_input', `a cover size must be a whole number of pixels from ${MIN_COVER_SIZE} to ${MAX_COVER_SIZE}`);
  }
  return size;
}

function mimeOf(ext: string): string {
  return Object.entries(MIME_EXTENSIONS).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
}

/** Another process serving the same cover may write it at the same time: each writes its own file, then renames. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}
