import { readdirSync, statSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';

/** A lyrics file beside an audio file: the scan compares its size and time to notice a change. */
export interface SidecarFile {
  path: string;
  size: number;
  mtimeMs: number;
}

const LYRICS_FOLDER = 'lyrics';

/**
 * The `.lrc` files of one folder (and of its `lyrics/` subfolder), from the listing the walk made
 * already: only a folder that has a `lyrics/` subfolder costs one more listing, and only `.lrc` files
 * that match an audio file are looked at. `Song.mp3` takes `Song.lrc`, else `Song.LRC` (any case),
 * beside it first, then in `lyrics/`.
 */
export function sidecarsOf(folder: string, entries: readonly Dirent[]): (audioName: string) => SidecarFile | undefined {
  let beside: Map<string, string> | undefined;
  let subfolder: string | undefined;
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name.toLowerCase() === LYRICS_FOLDER) subfolder = join(folder, entry.name);
    else if (isLrcName(entry.name) && !entry.isDirectory()) (beside ??= new Map()).set(entry.name, join(folder, entry.name));
  }
  if (!beside && !subfolder) return () => undefined;
  let inSubfolder: Map<string, string> | undefined;
  const subfolderNames = () => {
    if (inSubfolder) return inSubfolder;
    inSubfolder = new Map();
    if (!subfolder) return inSubfolder;
    try {
      for (const name of readdirSync(subfolder)) if (isLrcName(name)) inSubfolder.set(name, join(subfolder, name));
    } catch {
      // An unreadable lyrics folder holds no lyrics for the scan.
    }
    return inSubfolder;
  };
  return (audioName) => {
    const stem = stemOf(audioName);
    const path = (beside && pick(beside, stem)) ?? (subfolder ? pick(subfolderNames(), stem) : undefined);
    if (!path) return undefined;
    try {
      const info = statSync(path);
      return info.isFile() ? { path, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) } : undefined;
    } catch {
      return undefined;
    }
  };
}

/** What the database keeps of a sidecar to notice a change: its name, size and time. */
export function sidecarKey(sidecar: SidecarFile | undefined): string | null {
  return sidecar ? `${sidecar.size}:${sidecar.mtimeMs}:${sidecar.path}` : null;
}

function pick(names: ReadonlyMap<string, string>, stem: string): string | undefined {
  const exact = names.get(`${stem}.lrc`) ?? names.get(`${stem}.LRC`);
  if (exact) return exact;
  const wanted = `${stem}.lrc`.toLowerCase();
  for (const [name, path] of names) if (name.toLowerCase() === wanted) return path;
  return undefined;
}

function isLrcName(name: string): boolean {
  return name.length > 4 && name.slice(-4).toLowerCase() === '.lrc';
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function join(folder: string, name: string): string {
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}
