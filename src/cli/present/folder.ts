import type { FolderListing } from '../../domain/folder.js';
import { presentSong } from './song.js';

export function presentFolderListing(listing: FolderListing) {
  return {
    path: listing.path,
    parent: listing.parent,
    folders: listing.folders.map((f) => ({ path: f.path, name: f.name, song_count: f.song_count })),
    songs: listing.songs.map(presentSong),
  };
}
