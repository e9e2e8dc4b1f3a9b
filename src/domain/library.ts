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

export interface ScanSummary {
  /** Audio files found under the scanned roots. */
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
  failed: number;
  failures: ScanFailure[];
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
