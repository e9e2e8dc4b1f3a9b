import type { Song } from '../../db/schema.js';

/** m:ss (or h:mm:ss) for a duration in ms; blank when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Terminal cells a character takes: CJK and fullwidth forms take two. */
function cells(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Pads or cuts (with …) to exactly `width` cells. */
function fit(text: string, width: number): string {
  // Control characters (a newline in a tag) would break the table's rows.
  const chars = [...text.replace(/[\p{Cc}]/gu, ' ')];
  const total = chars.reduce((n, c) => n + cells(c), 0);
  if (total <= width) return chars.join('') + ' '.repeat(width - total);
  let used = 0;
  let out = '';
  for (const char of chars) {
    if (used + cells(char) > width - 1) break;
    out += char;
    used += cells(char);
  }
  return `${out}…${' '.repeat(width - 1 - used)}`;
}

/** id, title, artist, album, length — the text columns share what the terminal width leaves. */
export function renderSongTable(songs: Song[], terminalWidth: number): string {
  const idWidth = Math.max(2, ...songs.map((s) => String(s.id).length));
  const lengths = songs.map((s) => formatDuration(s.duration_ms));
  const lengthWidth = Math.max(6, ...lengths.map((l) => l.length));
  const gaps = 2 * 4;
  const flexible = Math.max(30, terminalWidth - idWidth - lengthWidth - gaps);
  const titleWidth = Math.floor(flexible * 0.4);
  const artistWidth = Math.floor(flexible * 0.3);
  const albumWidth = flexible - titleWidth - artistWidth;
  const row = (id: string, title: string, artist: string, album: string, length: string) =>
    [
      id.padStart(idWidth),
      fit(title, titleWidth),
      fit(artist, artistWidth),
      fit(album, albumWidth),
      length.padStart(lengthWidth),
    ].join('  ');
  const lines = [row('ID', 'TITLE', 'ARTIST', 'ALBUM', 'LENGTH')];
  songs.forEach((s, i) => lines.push(row(String(s.id), s.title, s.artist, s.album, lengths[i] ?? '')));
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** Every field of one song, one per line. */
export function renderSongDetails(song: Song): string {
  const fields: Array<[string, string | number | null]> = [
    ['id', song.id],
    ['title', song.title],
    ['artist', song.artist],
    ['album', song.album],
    ['album artist', song.album_artist],
    ['genre', song.genre],
    ['year', song.year],
    ['track', song.track_no],
    ['disc', song.disc_no],
    ['length', formatDuration(song.duration_ms)],
    ['codec', song.codec],
    ['bitrate', song.bitrate === null ? null : `${Math.round(song.bitrate / 1000)} kbps`],
    ['sample rate', song.sample_rate === null ? null : `${song.sample_rate} Hz`],
    ['size', `${song.size} bytes`],
    ['path', song.path],
    ['modified', new Date(song.mtime_ms).toISOString()],
    ['added', song.added_at],
    ['missing since', song.missing_since],
  ];
  return fields.map(([name, value]) => `${`${name}:`.padEnd(14)} ${value ?? '-'}`).join('\n');
}
