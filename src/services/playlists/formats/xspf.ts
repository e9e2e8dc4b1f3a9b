import { pathToFileURL } from 'node:url';
import { TunesError } from '../../../errors.js';
import type { ExportInput, ParsedPlaylistFile, PlaylistFileEntry } from './playlist-file.js';

/**
 * Reads XSPF (https://xspf.org/spec). Only the handful of elements a playlist needs are read, so a
 * small tolerant scanner does instead of a full XML parser: element names may carry a namespace
 * prefix, text may be CDATA or use entities.
 */
export function parseXspf(text: string): ParsedPlaylistFile {
  const body = text.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  if (!/<(?:[\w-]+:)?playlist[\s>]/.test(body)) {
    throw new TunesError('invalid_input', 'not an XSPF playlist: no <playlist> element');
  }
  const result: ParsedPlaylistFile = { entries: [] };
  const trackList = /<(?:[\w-]+:)?trackList\b[^>]*>/.exec(body);
  const head = trackList ? body.slice(0, trackList.index) : body;
  const name = childText(head, 'title');
  if (name) result.name = name;
  const description = childText(head, 'annotation');
  if (description) result.description = description;

  const trackPattern = /<(?:[\w-]+:)?track\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?track>/g;
  let number = 0;
  for (const match of body.matchAll(trackPattern)) {
    number += 1;
    const track = match[1] ?? '';
    const entry: PlaylistFileEntry = { ref: `track ${number}`, locationKind: 'uri' };
    const location = childText(track, 'location');
    if (location) entry.location = location;
    const creator = childText(track, 'creator');
    if (creator) entry.artist = creator;
    const title = childText(track, 'title');
    if (title) entry.title = title;
    const duration = Number(childText(track, 'duration'));
    if (Number.isFinite(duration) && duration > 0) entry.durationMs = Math.round(duration);
    result.entries.push(entry);
  }
  return result;
}

function childText(xml: string, element: string): string | undefined {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${element}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w-]+:)?${element}>)`);
  const match = pattern.exec(xml);
  if (!match || match[1] === undefined) return undefined;
  const text = decodeXmlText(match[1]).trim();
  return text === '' ? undefined : text;
}

export function decodeXmlText(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, cdata, entity) => {
    if (cdata !== undefined) return cdata as string;
    const name = (entity as string).toLowerCase();
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function writeXspf({ name, description, songs }: ExportInput): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
    `  <title>${escapeXml(name)}</title>`,
  ];
  if (description) lines.push(`  <annotation>${escapeXml(description)}</annotation>`);
  lines.push('  <trackList>');
  for (const song of songs) {
    lines.push(
      '    <track>',
      `      <location>${escapeXml(pathToFileURL(song.path).href)}</location>`,
      `      <creator>${escapeXml(song.artist)}</creator>`,
      `      <album>${escapeXml(song.album)}</album>`,
      `      <title>${escapeXml(song.title)}</title>`,
    );
    if (song.duration_ms !== null) lines.push(`      <duration>${song.duration_ms}</duration>`);
    lines.push('    </track>');
  }
  lines.push('  </trackList>', '</playlist>');
  return `${lines.join('\n')}\n`;
}
