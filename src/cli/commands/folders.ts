import type { Command } from 'commander';
import type { FolderListing } from '../../domain/folder.js';
import type { Song } from '../../domain/song.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { basename } from 'node:path';
import { formatDuration } from '../format/song-table.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { presentFolderListing } from '../present/folder.js';
import type { CliRuntime } from '../runtime.js';
import { plural, renderTable } from './playlist-render.js';

/** `tunes folders [PATH]`: the library as the disk lays it out, one folder at a time. */
export function registerFoldersCommand(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('folders')
      .description('browse the library by folder: subfolders (with song counts), then songs')
      .argument('[path]', 'a folder inside a library folder (default: the library folders)'),
  ).action(async (path: string | undefined, options: JsonOption) => {
    const listing = await (await runtime.services()).folders.list(path);
    emit(runtime, options, presentFolderListing(listing), () => renderListing(listing, terminalWidth(runtime)));
  });
}

function renderListing(listing: FolderListing, width: number): string {
  if (listing.path === null) {
    if (listing.folders.length === 0) return 'No library folders yet. Add one with: tunes library add <folder> (admins only)';
    const lines = listing.folders.map((f) => `${terminalSafe(f.path)}  (${plural(f.song_count, 'song')})`);
    return `${lines.join('\n')}\nopen one with: tunes folders <path>`;
  }
  const parts = [`${terminalSafe(listing.path)}: ${plural(listing.folders.length, 'folder')}, ${plural(listing.songs.length, 'song')}`];
  if (listing.folders.length > 0) {
    const nameWidth = Math.max(...listing.folders.map((f) => f.name.length + 1));
    parts.push(listing.folders.map((f) => `  ${terminalSafe(`${f.name}/`).padEnd(nameWidth)}  ${plural(f.song_count, 'song')}`).join('\n'));
  }
  if (listing.songs.length > 0) parts.push(fileTable(listing.songs, width));
  if (listing.songs.length === 0 && listing.folders.length === 0) parts.push('(no songs here)');
  return parts.join('\n');
}

/** id, file name, title, artist, length: in a folder the file names are what the order follows. */
function fileTable(songs: Song[], width: number): string {
  const rows = songs.map((s) => [String(s.id), basename(s.path), s.title, s.artist, formatDuration(s.duration_ms)].map(terminalSafe));
  return renderTable(['ID', 'FILE', 'TITLE', 'ARTIST', 'LENGTH'], rows, [0, 4], width);
}
