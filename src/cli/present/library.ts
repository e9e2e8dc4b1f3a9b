import type { AddFoldersResult, LibraryFolder, PrunePlan, ScanSummary } from '../../domain/library.js';

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
    warnings: scan.warnings.map((w) => ({ path: w.path, reason: w.reason })),
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

export function presentPrunePlan(plan: PrunePlan) {
  return {
    songs: plan.songs.map((s) => ({ id: s.id, path: s.path, title: s.title, artist: s.artist, album: s.album, missing_since: s.missing_since })),
    your_playlists: plan.your_playlists.map((p) => ({ id: p.id, name: p.name, entries_lost: p.entries_lost })),
    your_likes_lost: plan.your_likes_lost,
    others: { users: plan.others.users, playlists: plan.others.playlists, entries_lost: plan.others.entries_lost, likes_lost: plan.others.likes_lost },
  };
}
