import { basename, extname } from 'node:path';
import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { detectFormat, parsePlaylistFile } from '../../services/playlists/formats/detect-format.js';
import type { PlaylistFileEntry } from '../../services/playlists/formats/playlist-file.js';
import type { ImportInput, ImportResult } from '../../services/playlists/playlist-import.js';
import type { PlaylistService } from '../../services/playlists/playlist-service.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { listOf, songOf } from './read-shapes.js';

/**
 * A playlist file made into a playlist on a remote library. The server's paths are not this
 * machine's, so entries match by artist and title (from the file's tags, an #EXTINF line, or the
 * file name "Artist - Title"), searched on the server.
 */
export async function importRemotePlaylist(context: RemoteLibraryContext, playlists: PlaylistService, userId: number, input: ImportInput): Promise<ImportResult> {
  const what = input.sourcePath ? basename(input.sourcePath) : 'the playlist file';
  if (input.text.includes('\u0000')) throw new TunesError('invalid_input', `${what} is not a playlist file: it holds binary data`);
  const format = input.format ?? detectFormat(input.text, input.sourcePath);
  const parsed = await parsePlaylistFile(input.text, format);
  const name = input.name ?? parsed.name ?? (input.sourcePath ? basename(input.sourcePath, extname(input.sourcePath)) : undefined);
  if (name === undefined) throw new TunesError('usage', 'the playlist has no name of its own; give one with --name');
  if (parsed.entries.length === 0) throw new TunesError('not_found', `${what} has no entries; no playlist created`);
  const matched = await Promise.all(parsed.entries.map((entry) => matchEntry(context, entry)));
  const songIds = matched.filter((s): s is Song => s !== undefined).map((s) => s.id);
  if (songIds.length === 0) throw new TunesError('not_found', `none of the entries in ${what} matched a song on the server; no playlist created`);
  const created = await playlists.create(userId, name, parsed.description ? { description: parsed.description } : {});
  const added = await playlists.addSongs(userId, { id: created.id }, songIds);
  return {
    playlist: added.playlist,
    format,
    total: parsed.entries.length,
    matched: songIds.length,
    unmatched: parsed.entries
      .filter((_, i) => matched[i] === undefined)
      .map((e) => ({ ref: e.ref, label: e.location ?? (e.artist && e.title ? `${e.artist} - ${e.title}` : (e.display ?? e.title ?? '(empty entry)')) })),
  };
}

function wanted(entry: PlaylistFileEntry): { artist?: string; title: string } | undefined {
  if (entry.title) return { title: entry.title, ...(entry.artist ? { artist: entry.artist } : {}) };
  const named = entry.display ?? (entry.location ? basename(decodeURIComponent(entry.location.replace(/^file:\/\//, '')), extname(entry.location)) : undefined);
  if (!named) return undefined;
  const cut = named.lastIndexOf(' - ');
  return cut > 0 ? { artist: named.slice(0, cut), title: named.slice(cut + 3).replace(/^\d+\s*[-.]?\s*/, '') } : { title: named.replace(/^\d+\s*[-.]?\s*/, '') };
}

async function matchEntry({ client, shapes }: RemoteLibraryContext, entry: PlaylistFileEntry): Promise<Song | undefined> {
  const want = wanted(entry);
  if (!want) return undefined;
  const body = await client.call('search3', { query: [want.artist, want.title].filter(Boolean).join(' '), songCount: 20, artistCount: 0, albumCount: 0 });
  const songs = listOf(body['searchResult3']?.['song']).map((child) => songOf(child, shapes));
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return (
    songs.find((s) => same(s.title, want.title) && (!want.artist || same(s.artist, want.artist))) ??
    (want.artist ? undefined : songs.find((s) => same(s.title, want.title)))
  );
}
