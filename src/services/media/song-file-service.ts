import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { TunesError } from '../../errors.js';
import type { CatalogService } from '../catalog/catalog-service.js';

export interface SongFile {
  path: string;
  size: number;
  mimeType: string;
  mtimeMs: number;
}

export interface SongFileService {
  /** The audio file of a catalogue song, checked to exist and be a regular file. */
  locate(songId: number): Promise<SongFile>;
}

const MIME_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.aif': 'audio/aiff',
  '.aiff': 'audio/aiff',
  '.wma': 'audio/x-ms-wma',
  '.webm': 'audio/webm',
  '.mka': 'audio/x-matroska',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function createSongFileService({ catalog }: { catalog: CatalogService }): SongFileService {
  return {
    async locate(songId) {
      const song = await catalog.getSong(songId);
      const gone = () => new TunesError('not_found', `the file of song ${songId} is missing from the library`);
      if (song.missing_since !== null) throw gone();
      try {
        const info = await stat(song.path);
        if (!info.isFile()) throw gone();
        return { path: song.path, size: info.size, mimeType: mimeTypeFor(song.path), mtimeMs: info.mtimeMs };
      } catch (error) {
        if (error instanceof TunesError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') throw gone();
        throw new TunesError('io', `cannot read the file of song ${songId}: ${(error as Error).message}`);
      }
    },
  };
}
