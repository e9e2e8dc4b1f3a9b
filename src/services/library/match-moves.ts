import type { SongLikeness, SongMerge, SongMove, StoredFile } from '../../db/repositories/song-writes.js';

/** A file this scan added as a new song. */
export interface AddedFile {
  path: string;
  size: number;
  mtime_ms: number;
  dev: number;
  ino: number;
}

/**
 * A renamed or moved file keeps its size and modification time (mv, file managers, taggers that
 * rename). A stored song not found at its path and a file new to the catalogue that share both are
 * the same song when nothing else is alike. Songs that are one file seen through several paths (same
 * device and inode, or for songs stored before identities were kept: the same tags and length) count
 * as one candidate: the oldest keeps its id and the others are merged into it. Where several files
 * and candidates are alike, device and inode (kept by a rename on one disk) decide; anything still
 * ambiguous stays added and missing.
 */
export function matchMoves(
  candidates: readonly StoredFile[],
  added: readonly AddedFile[],
  likeness: (ids: readonly number[]) => SongLikeness[],
): { moves: SongMove[]; merges: SongMerge[] } {
  const lost = groupBy(candidates, timeKey);
  const moves: SongMove[] = [];
  const merges: SongMerge[] = [];
  const take = (file: AddedFile, songs: readonly StoredFile[]) => {
    const [survivor, ...duplicates] = [...songs].sort((a, b) => a.id - b.id);
    if (!survivor) return;
    if (duplicates.length > 0) merges.push({ survivor: survivor.id, duplicates: duplicates.map((d) => d.id), path: survivor.path });
    moves.push({ id: survivor.id, path: file.path });
  };
  for (const [key, files] of groupBy(added, timeKey)) {
    const alike = lost.get(key);
    if (!alike) continue;
    const songs = oneFileEach(alike, likeness);
    if (files.length === 1 && songs.length === 1) {
      take(files[0]!, songs[0]!);
      continue;
    }
    for (const file of files) {
      const same = songs.filter((set) => set.some((s) => s.dev === file.dev && s.ino === file.ino));
      const rivals = files.filter((f) => same[0]?.some((s) => s.dev === f.dev && s.ino === f.ino));
      if (same.length === 1 && rivals.length === 1) take(file, same[0]!);
    }
  }
  return { moves, merges };
}

/** Splits songs alike in size and time into sets that are each one file. */
function oneFileEach(songs: readonly StoredFile[], likeness: (ids: readonly number[]) => SongLikeness[]): StoredFile[][] {
  if (songs.length === 1) return [[...songs]];
  const unidentified = songs.filter((s) => s.dev === null || s.ino === null);
  const looks = new Map(likeness(unidentified.map((s) => s.id)).map((l) => [l.id, l]));
  const key = (s: StoredFile) => {
    if (s.dev !== null && s.ino !== null) return `file ${s.dev}:${s.ino}`;
    const l = looks.get(s.id);
    return l ? `tags ${JSON.stringify([l.title, l.artist, l.album, l.duration_ms])}` : `song ${s.id}`;
  };
  return [...groupBy(songs, key).values()];
}

function timeKey(file: { size: number; mtime_ms: number }): string {
  return `${file.size}:${file.mtime_ms}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
