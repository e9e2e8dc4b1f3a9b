import type { Song } from './song.js';

/** A folder of the library as the disk lays it out: a library folder or one inside it. */
export interface FolderEntry {
  /** Absolute, without a trailing separator. */
  path: string;
  /** What to show: the last part of the path (a library folder: its whole path). */
  name: string;
  /** Songs anywhere under it (not missing). */
  song_count: number;
}

export interface FolderListing {
  /** The folder listed; null for the list of library folders. */
  path: string | null;
  /** Where "up" goes: the parent folder, or null at a library folder (and for the list of them). */
  parent: string | null;
  /** Subfolders first, then songs; each in natural name order (track2 before track10). */
  folders: FolderEntry[];
  songs: Song[];
}
