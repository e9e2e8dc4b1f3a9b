/** A folder the scanner reads. */
export interface LibraryRoot {
  id: number;
  path: string;
  added_at: string;
}

/** A library folder with how many of its songs are present (not missing). */
export interface LibraryFolder extends LibraryRoot {
  song_count: number;
}

export interface ScanFailure {
  path: string;
  reason: string;
}

/** A library folder (or a disk under one) a scan could not trust: none of its songs were marked missing. */
export interface UnavailableFolder {
  path: string;
  reason: string;
  /** Songs under it that were kept as they are. */
  kept: number;
}

/**
 * The last library scan as every server on the database sees it (issue 15): running or not, files read
 * so far, when it started and ended, and why it failed (null when it did not).
 */
export interface ScanStatus {
  scanning: boolean;
  done: number;
  started_at: string | null;
  finished_at: string | null;
  failure: string | null;
}

export interface ScanSummary {
  /** Audio files found under the scanned roots (a file reached through several paths counts once). */
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Files marked missing earlier that are back (counted here, not in unchanged/updated). */
  restored: number;
  /** Songs whose file moved to a new path (same size and modification time): they keep their id. */
  moved: number;
  /** Songs newly marked missing by this scan. */
  missing: number;
  /** Paths that lead to a file already counted (symlinks, hard links, bind mounts, a folder under two roots). */
  duplicates: number;
  /** Songs that were another path to the same file as a song kept, merged into it with their likes, playlist places and plays. */
  merged: number;
  /** Folders that look unmounted or cannot be read; a scan with any should end in an error. */
  unavailable: UnavailableFolder[];
  failed: number;
  failures: ScanFailure[];
  /** Files read, but not whole (cut short: stored with the length they really play). */
  warnings: ScanFailure[];
  duration_ms: number;
}

export interface AddFoldersResult {
  roots: LibraryRoot[];
  /** Paths of the folders that were library folders already (rescanned all the same). */
  already_in_library: string[];
  scan: ScanSummary;
}

export interface RemoveFolderResult {
  root: string;
  marked_missing: number;
}

export interface PruneResult {
  deleted: number;
}

/** A song whose file is gone (what pruning would delete). */
export interface MissingSong {
  id: number;
  path: string;
  title: string;
  artist: string;
  album: string;
  missing_since: string;
}

/** One of the asking user's playlists, and how many of its places pruning would take. */
export interface PlaylistLoss {
  id: number;
  name: string;
  entries_lost: number;
}

/** What pruning would take from everyone else: counts only (their playlists are theirs to see). */
export interface OthersLoss {
  users: number;
  playlists: number;
  entries_lost: number;
  likes_lost: number;
}

/** What `prune` would delete, and what that costs the user asking and the others. */
export interface PrunePlan {
  songs: MissingSong[];
  your_playlists: PlaylistLoss[];
  your_likes_lost: number;
  others: OthersLoss;
}
