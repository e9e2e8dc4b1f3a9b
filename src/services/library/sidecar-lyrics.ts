import { readFileSync } from 'node:fs';
import { decodeText } from '../lyrics/decode-text.js';
import { MAX_LYRICS_CHARS, type ScannedLyrics } from './embedded-lyrics.js';
import { describe } from './walker.js';

/** A `.lrc` file's lyrics, or why not (no reason: the file is empty, which is no lyrics). */
export function readSidecarLyrics(path: string): { ok: true; lyrics: ScannedLyrics } | { ok: false; reason?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (bytes.length > MAX_LYRICS_CHARS * 4) return { ok: false, reason: 'too big to be lyrics' };
  const text = decodeText(bytes).trim();
  if (text === '') return { ok: false };
  if (text.length > MAX_LYRICS_CHARS) return { ok: false, reason: 'too big to be lyrics' };
  return { ok: true, lyrics: { source: 'sidecar', language: null, text } };
}
