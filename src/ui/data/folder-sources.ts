import { basename } from 'node:path';
import type { Services } from '../../services/container.js';
import type { FolderEntryItem, UiFolders } from '../ports.js';
import { arraySource } from './array-source.js';
import { toSongItem } from './song-item.js';

let sources = 0;

/** The Folders view's rows: a folder's listing is read whole (one folder is small next to the catalogue). */
export function folderSources(services: Services): UiFolders {
  const { folders } = services;
  return {
    entries: (path) =>
      arraySource(`folder:${path ?? ''}#${(sources += 1)}`, async () => {
        const listing = await folders.list(path);
        return [
          ...listing.folders.map((f): FolderEntryItem => ({ kind: 'folder', folder: { path: f.path, name: f.name, songCount: f.song_count } })),
          ...listing.songs.map((song): FolderEntryItem => ({ kind: 'file', name: basename(song.path), song: toSongItem(song) })),
        ];
      }),
    songsUnder: async (path) => (await folders.songsUnder(path)).map(toSongItem),
  };
}
