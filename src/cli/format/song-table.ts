import type { Song } from '../../domain/song.js';
import { lengthClock } from '../../text/clock-time.js';
import { localDateTime } from '../../text/local-time.js';
import { fitCells as fit } from '../../text/terminal-cells.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** m:ss (or h:mm:ss) for a duration in ms; blank when unknown. */
export function formatDuration(ms: number | null): string {
  return lengthClock(ms, '');
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
    ['track gain', replayGain(song.replaygain_track_gain_db, song.replaygain_track_peak)],
    ['album gain', replayGain(song.replaygain_album_gain_db, song.replaygain_album_peak)],
    ['path', song.path],
    ['modified', localDateTime(song.mtime_ms)],
    ['added', localDateTime(song.added_at)],
    ['missing since', song.missing_since === null ? null : localDateTime(song.missing_since)],
  ];
  // Tags and paths come from outside: each stays on its line, with nothing a terminal acts on.
  return fields.map(([name, value]) => `${`${name}:`.padEnd(14)} ${value === null ? '-' : terminalSafe(String(value))}`).join('\n');
}

/** ReplayGain as tags write it: "-6.48 dB (peak 0.988525)". */
function replayGain(db: number | null, peak: number | null): string | null {
  if (db === null) return null;
  return `${db.toFixed(2)} dB${peak === null ? '' : ` (peak ${peak})`}`;
}
