import { extname } from 'node:path';
import { TunesError } from '../../../errors.js';
import { parseM3u } from './m3u.js';
import type { ParsedPlaylistFile } from './playlist-file.js';
import { parseTunesJson } from './tunes-json.js';

export const IMPORT_FORMATS = ['m3u', 'xspf', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** By extension first, then by content, so a playlist saved as .txt still imports. */
export function detectFormat(text: string, fileName?: string): ImportFormat {
  const ext = fileName ? extname(fileName).toLowerCase() : '';
  if (ext === '.m3u' || ext === '.m3u8') return 'm3u';
  if (ext === '.xspf') return 'xspf';
  if (ext === '.json') return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'xspf';
  if (start.startsWith('{')) return 'json';
  return 'm3u';
}

/** XSPF's reader (saxes) loads only when an XSPF file is read. */
export async function parsePlaylistFile(text: string, format: ImportFormat): Promise<ParsedPlaylistFile> {
  switch (format) {
    case 'm3u':
      return parseM3u(text);
    case 'xspf':
      return (await import('./xspf.js')).parseXspf(text);
    case 'json':
      return parseTunesJson(text);
    default:
      throw new TunesError('invalid_input', `unknown playlist format ${String(format)}`);
  }
}

/**
 * Playlist files are UTF-8 (.m3u8, XSPF, JSON) but old .m3u files are often Latin-1: fall back to it
 * when the bytes are not valid UTF-8.
 */
export function decodePlaylistBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
