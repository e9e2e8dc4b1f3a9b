import type { AddFoldersResult, LibraryFolder, ScanSummary } from '../../domain/library.js';

export function presentLibraryFolder(folder: LibraryFolder) {
  return { id: folder.id, path: folder.path, added_at: folder.added_at, song_count: folder.song_count };
}

export function presentScan(scan: ScanSummary) {
  return {
    files: scan.files,
    added: scan.added,
    updated: scan.updated,
    unchanged: scan.unchanged,
    restored: scan.restored,
    moved: scan.moved,
    missing: scan.missing,
    duplicates: scan.duplicates,
    merged: scan.merged,
    unavailable: scan.unavailable.map((u) => ({ path: u.path, reason: u.reason, kept: u.kept })),
    failed: scan.failed,
    failures: scan.failures.map((f) => ({ path: f.path, reason: f.reason })),
    duration_ms: scan.duration_ms,
  };
}

export function presentAddFolders(result: AddFoldersResult) {
  return {
    roots: result.roots.map((r) => r.path),
    already_in_library: result.already_in_library,
    scan: presentScan(result.scan),
  };
}
