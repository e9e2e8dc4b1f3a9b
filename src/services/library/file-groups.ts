import type { WalkedFile } from './walker.js';

/** Every path a scan met that leads to one real file (device + inode). */
export interface FileGroup {
  /** The path the song is read under: the first met (a direct path before any through a link). */
  first: WalkedFile;
  /** The other paths met, in walk order. */
  others: string[];
  /** Every path met that goes through no symbolic link (the first one's included, when it is direct). */
  direct: Set<string>;
}

export const identityKey = (file: { dev: number; ino: number }): string => `${file.dev}:${file.ino}`;

/**
 * Groups the paths of a scan by the file they lead to, so a file reached through symlinks, hard links,
 * bind mounts or a folder under two roots is read and stored once.
 */
export class FileGroups {
  private readonly byIdentity = new Map<string, FileGroup>();
  /** Groups that gained a second path, in the order they did. */
  readonly shared: FileGroup[] = [];

  /**
   * Records `file`. Returns 'first' for the first path to its file (read it), 'again' for that same path
   * met a second time (nothing to do), 'other' for another path to a file met already.
   */
  meet(file: WalkedFile): 'first' | 'again' | 'other' {
    const key = identityKey(file);
    const group = this.byIdentity.get(key);
    if (!group) {
      this.byIdentity.set(key, { first: file, others: [], direct: new Set(file.viaLink ? [] : [file.path]) });
      return 'first';
    }
    if (group.first.path === file.path || group.others.includes(file.path)) return 'again';
    if (group.others.length === 0) this.shared.push(group);
    group.others.push(file.path);
    if (!file.viaLink) group.direct.add(file.path);
    return 'other';
  }

  get(identity: { dev: number; ino: number }): FileGroup | undefined {
    return this.byIdentity.get(identityKey(identity));
  }

  /** Adds a path found to lead to a grouped file after the walk (a stored path the walk did not go through). */
  addPath(group: FileGroup, path: string, direct: boolean): void {
    if (group.first.path === path || group.others.includes(path)) return;
    if (group.others.length === 0) this.shared.push(group);
    group.others.push(path);
    if (direct) group.direct.add(path);
  }
}
