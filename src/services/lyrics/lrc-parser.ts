import type { LyricsLine } from '../../domain/lyrics.js';

export interface ParsedLyrics {
  /** True when at least one line carries a time stamp. */
  synced: boolean;
  /** The `[offset:]` tag in ms (already applied to the lines' times). */
  offset_ms: number;
  /** LRC metadata tags, lower-case keys. */
  tags: Record<string, string>;
  lines: LyricsLine[];
}

/** `[mm:ss]`, `[mm:ss.x]`, `[mm:ss.xx]`, `[mm:ss.xxx]` (also `:` before the fraction, as some tools write). */
const STAMP = /^\[\s*(-?)(\d{1,4}):(\d{1,2})(?:[.:](\d{1,3}))?\s*\]/;
/** A2 ("enhanced LRC") word timings inside a line: `<mm:ss.xx>`. */
const WORD_STAMP = /<\d{1,4}:\d{1,2}(?:[.:]\d{1,3})?>/g;
/** The metadata tags of the LRC format: only these are taken as tags (a plain `[Chorus]` stays text). */
const TAG = /^\[(ti|ar|al|au|by|re|ve|tool|length|offset|lr|la|#)\s*:(.*)\]\s*$/i;
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * Parses lyrics as people write LRC: several stamps on one line, `[offset:]`, all three stamp
 * precisions, A2 word timings (shown as the plain line), metadata tags, blank lines, CRLF. Text with
 * no stamp at all is unsynced lyrics, kept line by line. Lines come back sorted by time (a stable
 * sort: lines sharing a stamp keep their order); times shifted below zero by a negative offset are 0.
 */
export function parseLrc(input: string): ParsedLyrics {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const tags: Record<string, string> = {};
  const stamped: Array<{ at: number; order: number; text: string }> = [];
  const plain: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.trim();
    const tag = TAG.exec(line);
    if (tag) {
      tags[tag[1]!.toLowerCase()] = tag[2]!.trim();
      continue;
    }
    const times: number[] = [];
    let rest = line;
    for (let stamp = STAMP.exec(rest); stamp; stamp = STAMP.exec(rest)) {
      times.push(stampMs(stamp));
      rest = rest.slice(stamp[0].length).trimStart();
    }
    if (times.length === 0) {
      plain.push(line);
      continue;
    }
    const words = rest.replace(WORD_STAMP, '').replace(/\s{2,}/g, ' ').trim();
    for (const at of times) stamped.push({ at, order: stamped.length, text: words });
  }
  const offset = Number.parseInt(tags.offset ?? '', 10);
  const offset_ms = Number.isFinite(offset) ? offset : 0;
  if (stamped.length === 0) return { synced: false, offset_ms, tags, lines: unsyncedLines(plain) };
  stamped.sort((a, b) => a.at - b.at || a.order - b.order);
  // LRC's offset: a positive value makes the lines come sooner.
  const lines = stamped.map((s) => ({ start_ms: Math.max(0, s.at - offset_ms), text: s.text }));
  return { synced: true, offset_ms, tags, lines };
}

/** Whether text is LRC (a line starting with a time stamp), as embedded lyrics often are. */
export function looksLikeLrc(text: string): boolean {
  return text.split(LINE_BREAK).some((line) => STAMP.test(line.trim()));
}

function stampMs(stamp: RegExpExecArray): number {
  const minutes = Number(stamp[2]);
  const seconds = Number(stamp[3]);
  const fraction = stamp[4] ?? '';
  const ms = fraction === '' ? 0 : Number(fraction.padEnd(3, '0'));
  const total = (minutes * 60 + seconds) * 1000 + ms;
  return stamp[1] === '-' ? 0 : total;
}

/** Plain lines, with the blank lines around them dropped and runs of blank lines kept as one. */
function unsyncedLines(plain: readonly string[]): LyricsLine[] {
  const lines: LyricsLine[] = [];
  for (const text of plain) {
    if (text === '' && (lines.length === 0 || lines[lines.length - 1]!.text === '')) continue;
    lines.push({ start_ms: null, text });
  }
  while (lines.length > 0 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines;
}

/** Synced lines as LRC text (`[mm:ss.xxx]line`): how lyrics read from a SYLT frame are stored. */
export function toLrc(lines: ReadonlyArray<{ start_ms: number; text: string }>): string {
  return lines.map((line) => `[${lrcStamp(line.start_ms)}]${line.text.replace(/\r\n|\n|\r/g, ' ')}`).join('\n');
}

function lrcStamp(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const minutes = Math.floor(whole / 60000);
  const seconds = Math.floor((whole % 60000) / 1000);
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(whole % 1000).padStart(3, '0')}`;
}

/** The index of the line playing at `positionMs` (-1 before the first), by binary search. */
export function currentLineIndex(lines: readonly LyricsLine[], positionMs: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = lines[mid]!.start_ms;
    if (start !== null && start <= positionMs) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
