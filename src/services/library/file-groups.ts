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

/**
 * Groups the paths of a scan by the file they lead to, so a file reached through symlinks, hard links,
 * bind mounts or a folder under two roots is read and stored once. Nearly every file has one path: it
 * costs one map entry (by device, then inode: numbers, no key strings) and nothing else until a second
 * path turns up.
 */
export class FileGroups {
  private readonly byDevice = new Map<number, Map<number, WalkedFile | FileGroup>>();
  /** Groups that gained a second path, in the order they did. */
  readonly shared: FileGroup[] = [];

  /**
   * Records `file`. Returns 'first' for the first path to its file (read it), 'again' for that same path
   * met a second time (nothing to do), 'other' for another path to a file met already.
   */
  meet(file: WalkedFile): 'first' | 'again' | 'other' {
    let inodes = this.byDevice.get(file.dev);
    if (!inodes) this.byDevice.set(file.dev, (inodes = new Map()));
    const known = inodes.get(file.ino);
    if (!known) {
      inodes.set(file.ino, file);
      return 'first';
    }
    const group = 'others' in known ? known : this.share(inodes, known);
    if (group.first.path === file.path || group.others.includes(file.path)) return 'again';
    group.others.push(file.path);
    if (!file.viaLink) group.direct.add(file.path);
    return 'other';
  }

  get(identity: { dev: number; ino: number }): FileGroup | undefined {
    const known = this.byDevice.get(identity.dev)?.get(identity.ino);
    if (!known) return undefined;
    return 'others' in known ? known : this.share(this.byDevice.get(identity.dev)!, known);
  }

  /** Adds a path found to lead to a grouped file after the walk (a stored path the walk did not go through). */
  addPath(group: FileGroup, path: string, direct: boolean): void {
    if (group.first.path === path || group.others.includes(path)) return;
    group.others.push(path);
    if (direct) group.direct.add(path);
  }

  private share(inodes: Map<number, WalkedFile | FileGroup>, first: WalkedFile): FileGroup {
    const group: FileGroup = { first, others: [], direct: new Set(first.viaLink ? [] : [first.path]) };
    inodes.set(first.ino, group);
    this.shared.push(group);
    return group;
  }
}
