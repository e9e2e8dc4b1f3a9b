import { pathToFileURL } from 'node:url';
import type { ExportInput } from './playlist-file.js';

/** XSPF (https://xspf.org/spec) written by hand: reading it takes saxes (xspf.ts), loaded only to import. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // What XML 1.0 cannot hold at all, not even as a character reference: the file would not parse.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
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
