import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TunesError } from '../../errors.js';
import type { CoverFile, CoverService } from '../../services/covers/cover-service.js';
import type { RemoteLibraryContext } from './remote-context.js';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };
const MIMES = Object.fromEntries(Object.entries(EXTENSIONS).map(([mime, ext]) => [ext, mime])) as Record<string, string>;

/**
 * Covers of a remote library: the server's getCoverArt (at the size asked for: the server fits it),
 * kept on disk under the cache folder (0700, one folder per server), so the now-playing cover, MPRIS
 * and `tunes cover` ask the server once per cover and size.
 */
export function createRemoteCovers(context: RemoteLibraryContext, folder: string): CoverService {
  const { client, ids } = context;

  async function coverFile(coverArt: string, size: number | undefined): Promise<CoverFile> {
    const key = createHash('sha256').update(coverArt).digest('hex').slice(0, 32);
    const base = join(folder, `${key}-${size ?? 'full'}`);
    const etag = `"${key.slice(0, 20)}-${size ?? 'full'}"`;
    for (const ext of Object.values(EXTENSIONS)) {
      const found = statSync(`${base}.${ext}`, { throwIfNoEntry: false });
      if (found) return { path: `${base}.${ext}`, mime: MIMES[ext]!, etag, byte_size: found.size };
    }
    const { type, body } = await client.fetchBytes('getCoverArt', { id: coverArt, ...(size === undefined ? {} : { size }) });
    const mime = type.split(';')[0]!.trim().toLowerCase();
    const ext = EXTENSIONS[mime];
    if (ext === undefined) throw new TunesError('io', `${client.target.name} sent a cover that is not an image tunes can show (${mime || 'no type'})`);
    const path = `${base}.${ext}`;
    writeWhole(folder, path, body);
    return { path, mime, etag, byte_size: body.length };
  }

  const noCover = (what: string) => new TunesError('not_found', `${what} has no cover on ${client.target.name}`);

  return {
    async albumCover(albumId, size) {
      const album = (await client.call('getAlbum', { id: ids.idOf('album', albumId) }))['album'];
      if (album?.['coverArt'] === undefined) throw noCover(`album ${albumId}`);
      return coverFile(String(album['coverArt']), size);
    },
    async songCover(songId, size) {
      const song = (await client.call('getSong', { id: ids.idOf('song', songId) }))['song'];
      const art = song?.['coverArt'] ?? song?.['albumId'] ?? song?.['parent'];
      if (art === undefined) throw noCover(`song ${songId}`);
      return coverFile(String(art), size);
    },
  };
}

/** Written whole or not at all, in a folder only this user reads. */
function writeWhole(folder: string, path: string, bytes: Buffer): void {
  const partial = `${path}.${process.pid}.part`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new TunesError('io', `cannot keep the cover in ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
