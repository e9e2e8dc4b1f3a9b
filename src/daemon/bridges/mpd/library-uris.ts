import { basename, sep } from 'node:path';

export interface NamedRoot {
  /** The top-level directory clients see ("Music"). */
  name: string;
  /** The library folder it stands for. */
  path: string;
}

/** Where a client's URI points: the top level, a library folder, or a path inside one. */
export type UriTarget = { kind: 'top' } | { kind: 'path'; root: NamedRoot; path: string };

/**
 * MPD names files by URIs relative to its music directory; tunes has several library folders, so
 * each is a top-level directory named after its last part ("Music/Band/Album/01.flac"); two with the
 * same name get " (2)", " (3)" in path order. A song under no library folder keeps its absolute path.
 */
export class LibraryUris {
  readonly roots: NamedRoot[];

  constructor(rootPaths: readonly string[]) {
    const used = new Set<string>();
    this.roots = [...rootPaths].sort().map((path) => {
      const base = basename(path) || 'root';
      let name = base;
      for (let n = 2; used.has(name); n += 1) name = `${base} (${n})`;
      used.add(name);
      return { name, path };
    });
  }

  uriOf(path: string): string {
    for (const root of this.roots) {
      if (path.startsWith(root.path + sep)) return `${root.name}/${path.slice(root.path.length + 1).split(sep).join('/')}`;
    }
    return path;
  }

  /** Undefined: no such place in the library. */
  resolve(uri: string): UriTarget | undefined {
    const trimmed = uri.replace(/^\/+|\/+$/g, '');
    if (trimmed === '') return { kind: 'top' };
    // An absolute path (MPD lets local clients name files so) when it lies in a library folder.
    if (uri.startsWith('/')) {
      const root = this.roots.find((r) => uri === r.path || uri.startsWith(r.path + sep));
      return root ? { kind: 'path', root, path: uri.replace(/\/+$/, '') } : undefined;
    }
    const [first, ...rest] = trimmed.split('/');
    const root = this.roots.find((r) => r.name === first);
    if (!root || rest.some((part) => part === '..' || part === '.' || part === '')) return undefined;
    return { kind: 'path', root, path: rest.length === 0 ? root.path : [root.path, ...rest].join(sep) };
  }
}
