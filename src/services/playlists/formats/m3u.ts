import { oneLine, type ExportInput, type ParsedPlaylistFile, type PlaylistFileEntry } from './playlist-file.js';

/**
 * Reads M3U / M3U8 as players write it: optional #EXTM3U header and BOM, any line endings, blank
 * lines and comments, #EXTINF with or without attributes, #PLAYLIST for a name. Pure: locations are
 * returned as written and resolved by the importer.
 */
export function parseM3u(text: string): ParsedPlaylistFile {
  const result: ParsedPlaylistFile = { entries: [] };
  let info: { durationMs?: number; display?: string } | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      if (/^#EXTINF:/i.test(line)) info = parseExtinf(line.slice('#EXTINF:'.length));
      else if (/^#PLAYLIST:/i.test(line)) result.name = line.slice('#PLAYLIST:'.length).trim() || result.name;
      return;
    }
    const entry: PlaylistFileEntry = { ref: `line ${index + 1}`, location: line, locationKind: 'path' };
    if (info?.durationMs !== undefined) entry.durationMs = info.durationMs;
    if (info?.display) {
      entry.display = info.display;
      const split = splitDisplay(info.display);
      if (split.artist !== undefined) entry.artist = split.artist;
      entry.title = split.title;
    }
    result.entries.push(entry);
    info = undefined;
  });
  return result;
}

/** `#EXTINF:<seconds>[ key="value"...],<display>`; attribute values may contain commas. */
function parseExtinf(rest: string): { durationMs?: number; display?: string } {
  const match = /^\s*(-?\d+(?:\.\d+)?)?((?:\s+[\w.-]+="[^"]*")*)\s*,(.*)$/.exec(rest);
  if (!match) return {};
  const seconds = match[1] === undefined ? undefined : Number(match[1]);
  const display = (match[3] ?? '').trim();
  return {
    ...(seconds !== undefined && seconds >= 0 ? { durationMs: Math.round(seconds * 1000) } : {}),
    ...(display ? { display } : {}),
  };
}

export function splitDisplay(display: string): { artist?: string; title: string } {
  const at = display.indexOf(' - ');
  if (at < 0) return { title: display };
  return { artist: display.slice(0, at).trim(), title: display.slice(at + 3).trim() };
}

/** Extended M3U, UTF-8: `#EXTINF:<seconds>,<artist> - <title>` then the absolute path. */
export function writeM3u8({ name, songs }: ExportInput): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(name)}`];
  for (const song of songs) {
    const seconds = song.duration_ms === null ? -1 : Math.round(song.duration_ms / 1000);
    lines.push(`#EXTINF:${seconds},${oneLine(song.artist)} - ${oneLine(song.title)}`, song.path);
  }
  return `${lines.join('\n')}\n`;
}
