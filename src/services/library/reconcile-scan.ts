import { realpathSync, statSync } from 'node:fs';
import type { SongLikeness, SongMerge, SongWriter, StoredFile } from '../../db/repositories/song-writes.js';
import type { FileGroups } from './file-groups.js';
import { matchMoves } from './match-moves.js';
import type { AddedFile } from './match-moves.js';
import type { ScanSummary } from '../../domain/library.js';
import { untrustedFolders, underAny } from './untrusted-folders.js';
import type { RootWalk } from './walker.js';

export type { AddedFile } from './match-moves.js';

export interface ReconcileInput {
  writer: SongWriter;
  now(): string;
  /** The stored songs this scan answers for (under the scanned roots, or all), as they were before it. */
  stored: ReadonlyMap<string, StoredFile>;
  /** Paths the walk met. */
  seen: ReadonlySet<string>;
  /** Whether every root was scanned (so `stored` is every song). */
  everything: boolean;
  rootWalks: readonly RootWalk[];
  groups: FileGroups;
  renumbered: ReadonlySet<number>;
  addedFiles: readonly AddedFile[];
  summary: ScanSummary;
}

/**
 * After the walk and the reads: songs that are one file are merged, moved files keep their songs, and
 * what is left unseen is marked missing, except under folders that look unmounted or unreadable.
 */
export async function reconcileScan(input: ReconcileInput): Promise<void> {
  const { writer, stored, seen, summary } = input;
  const unseen = [...stored.values()].filter((row) => !seen.has(row.path));
  const answerable = unseen.filter((row) => row.missing_since === null);
  const unavailable = untrustedFolders(input.rootWalks, answerable, input.renumbered);
  summary.unavailable = unavailable;
  const kept = (row: StoredFile) => underAny(row.path, unavailable);

  // Stored paths the walk did not go through that still lead to a file it met (a root inside another,
  // a bind mount walked once): more paths to that file.
  const aliases = new Set<number>();
  for (const row of answerable) {
    if (kept(row)) continue;
    const info = statSync(row.path, { throwIfNoEntry: false });
    const group = info?.isFile() ? input.groups.get(info) : undefined;
    if (!group) continue;
    input.groups.addPath(group, row.path, isDirectPath(row.path));
    aliases.add(row.id);
  }

  if (!input.everything) await findStoredElsewhere(input);
  const { merges, duplicatePaths } = await sameFileMerges(input);
  const gone = new Set(merges.flatMap((m) => m.duplicates));
  await writer.mergeBatch(merges);
  // A file added as a new song that turned out to be an older song's file is not a new song to match.
  const added = input.addedFiles.filter((file) => !duplicatePaths.has(file.path));

  // Songs missing from anywhere in the library may turn up here too (moved out, then back in).
  const elsewhere = !input.everything && added.length > 0 ? (await writer.missingFiles()).filter((row) => !stored.has(row.path)) : [];
  const candidates = [...unseen, ...elsewhere].filter((row) => !aliases.has(row.id) && !gone.has(row.id));
  const { moves, merges: collapsed } = added.length > 0 ? matchMoves(candidates, added, await likenessOf(writer, candidates)) : { moves: [], merges: [] };
  await writer.mergeBatch(collapsed);
  await writer.moveBatch(moves);
  summary.moved = moves.length;
  summary.added -= moves.length;
  summary.merged += collapsed.reduce((n, m) => n + m.duplicates.length, 0);
  const settled = new Set([...aliases, ...gone, ...moves.map((m) => m.id), ...collapsed.flatMap((m) => m.duplicates)]);

  const missing = answerable.filter((row) => !settled.has(row.id) && !kept(row)).map((row) => row.id);
  await writer.markMissingBatch(missing, input.now());
  summary.missing = missing.length;
  for (const folder of unavailable) {
    folder.kept = answerable.filter((row) => !settled.has(row.id) && underAny(row.path, [folder])).length;
  }
}

/**
 * Files this scan added that the library already holds under a path outside the scanned roots (a bind
 * mount of a library folder, or a folder inside one, added as a folder of its own): that path joins the
 * file's paths, so the song stays where it was and the new row merges into it.
 */
async function findStoredElsewhere({ writer, stored, seen, groups, addedFiles, summary }: ReconcileInput): Promise<void> {
  // Nothing to look for when the library holds no song outside the scanned roots (a first scan, say).
  if (addedFiles.length === 0 || (await writer.countAll()) <= stored.size + addedFiles.length) return;
  for (const row of await writer.storedByIdentity(addedFiles)) {
    // Rows this walk met (the new ones among them) are paths it has grouped already.
    if (seen.has(row.path) || stored.has(row.path) || row.missing_since !== null || row.dev === null || row.ino === null) continue;
    const group = groups.get({ dev: row.dev, ino: row.ino });
    if (!group || !leadsTo(row.path, { dev: row.dev, ino: row.ino })) continue;
    groups.addPath(group, row.path, isDirectPath(row.path));
    summary.duplicates += 1;
  }
}

/** Whether `path` leads to that very file now. */
function leadsTo(path: string, file: { dev: number; ino: number }): boolean {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && info.dev === file.dev && info.ino === file.ino;
  } catch {
    return false; // a folder on the way cannot be read: not a path to this file now
  }
}

/**
 * Songs stored under several paths of one file (by earlier scans, before files had identities): the
 * oldest song keeps its id and takes the rest's likes, playlist places and plays. It keeps its own path
 * when that is a direct one (no link on the way), else takes the path the walk met first.
 */
async function sameFileMerges({ writer, groups, summary, addedFiles }: ReconcileInput): Promise<{ merges: SongMerge[]; duplicatePaths: Set<string> }> {
  const addedPaths = new Set(addedFiles.map((f) => f.path));
  const merges: SongMerge[] = [];
  const duplicatePaths = new Set<string>();
  for (const group of groups.shared) {
    const rows = await writer.storedAt([group.first.path, ...group.others]);
    if (rows.length < 2) continue;
    const [survivor, ...duplicates] = rows.sort((a, b) => a.id - b.id);
    const path = group.direct.has(survivor!.path) ? survivor!.path : group.first.path;
    merges.push({ survivor: survivor!.id, duplicates: duplicates.map((d) => d.id), path });
    summary.merged += duplicates.length;
    summary.added -= duplicates.filter((d) => addedPaths.has(d.path)).length;
    for (const d of duplicates) duplicatePaths.add(d.path);
  }
  return { merges, duplicatePaths };
}

/** Whether no symbolic link is on the way to `path` (so it may stay a song's path). */
function isDirectPath(path: string): boolean {
  try {
    return realpathSync(path) === path;
  } catch {
    return false;
  }
}

/**
 * The tags and lengths of the candidates that have no file identity (stored before identities were
 * kept), read at once, for matchMoves to tell copies of one file from different files.
 */
async function likenessOf(writer: SongWriter, candidates: readonly StoredFile[]): Promise<(ids: readonly number[]) => SongLikeness[]> {
  const looks = await writer.likeness(candidates.filter((s) => s.dev === null || s.ino === null).map((s) => s.id));
  const byId = new Map(looks.map((l) => [l.id, l]));
  return (ids) => ids.flatMap((id) => byId.get(id) ?? []);
}
