import type { IAudioMetadata } from 'music-metadata';
import type { LyricsSource } from '../../domain/lyrics.js';
import { looksLikeLrc, toLrc } from '../lyrics/lrc-parser.js';

/** Lyrics as the scan stores them: LRC or plain text, decoded (synced lines from SYLT as LRC). */
export interface ScannedLyrics {
  source: LyricsSource;
  language: string | null;
  text: string;
}

/** Lyrics bigger than this are not lyrics (a misplaced file, a corrupt tag): ignored. */
export const MAX_LYRICS_CHARS = 2 * 1024 * 1024;

/** ID3's SYLT time stamp format 2: absolute milliseconds (1 counts MPEG frames, which nobody writes). */
const SYLT_MILLISECONDS = 2;
/** Tags that hold unsynced lyrics (often LRC text), per tag format; ffmpeg writes MP3's as TXXX frames. */
const UNSYNCED_IDS = new Set(['USLT', 'ULT', 'LYRICS', 'UNSYNCEDLYRICS', '©lyr', 'Lyrics', 'WM/Lyrics', 'TXXX:USLT', 'TXXX:LYRICS', 'TXXX:UNSYNCEDLYRICS']);

interface SyncedFrame {
  language?: string;
  timeStampFormat?: number;
  syncText?: Array<{ text: string; timestamp?: number }>;
}

/**
 * The file's own lyrics: an ID3 SYLT frame first, then unsynced lyrics (USLT, Vorbis LYRICS or
 * UNSYNCEDLYRICS, MP4 ©lyr, APE Lyrics), the first that is LRC winning over plain text. Read from the
 * native tags: music-metadata's common `lyrics` keeps only its own reading of LRC.
 */
export function embeddedLyrics({ native }: IAudioMetadata): ScannedLyrics | null {
  let plain: ScannedLyrics | null = null;
  let lrc: ScannedLyrics | null = null;
  for (const tags of Object.values(native)) {
    for (const tag of tags) {
      if (tag.id === 'SYLT' || tag.id === 'SLT') {
        const synced = syncedLyrics(tag.value as SyncedFrame);
        if (synced) return synced;
        continue;
      }
      if (!UNSYNCED_IDS.has(tag.id) && !UNSYNCED_IDS.has(tag.id.toUpperCase())) continue;
      const found = unsyncedText(tag.value);
      if (!found) continue;
      const lyrics = { source: 'embedded' as const, language: found.language, text: found.text };
      if (!lrc && looksLikeLrc(found.text)) lrc = lyrics;
      plain ??= lyrics;
    }
  }
  return lrc ?? plain;
}

function syncedLyrics(frame: SyncedFrame): ScannedLyrics | null {
  if (frame.timeStampFormat !== SYLT_MILLISECONDS || !Array.isArray(frame.syncText)) return null;
  const lines = frame.syncText
    .filter((line) => typeof line.timestamp === 'number' && typeof line.text === 'string')
    .map((line) => ({ start_ms: line.timestamp!, text: line.text.trim() }));
  if (lines.length === 0) return null;
  return { source: 'sylt', language: language(frame.language), text: toLrc(lines) };
}

function unsyncedText(value: unknown): { text: string; language: string | null } | null {
  const raw = typeof value === 'string' ? value : (value as { text?: unknown } | null)?.text;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > MAX_LYRICS_CHARS) return null;
  return { text, language: language((value as { language?: string }).language) };
}

/** ID3 languages are three letters; 'XXX' and blanks mean unknown. */
function language(code: string | undefined): string | null {
  const trimmed = typeof code === 'string' ? code.trim().toLowerCase() : '';
  return /^[a-z]{3}$/.test(trimmed) && trimmed !== 'xxx' ? trimmed : null;
}
