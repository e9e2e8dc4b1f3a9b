import { realpath } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FolderEntry, FolderListing } from '../../domain/folder.js';
import type { Song } from '../../domain/song.js';
import { countSongsUnder, isSongPath, listFolder, songsUnder } from '../../db/repositories/folders.js';
import { listLibraryRoots } from '../../db/repositories/library-roots.js';
import { TunesError } from '../../errors.js';
import { madeOnce } from '../../text/made-once.js';

/**
 * The library as the disk lays it out (cmus's and ncmpcpp's file browser): library folders, their
 * subfolders and songs. Only folders under a library folder can be listed, and only what the catalogue
 * holds (songs not missing) shows.
 */
export type { FolderEntry, FolderListing };

export interface FolderService {
  /** The library folders (no `path`), or what is directly in `path`. */
  list(path?: string): Promise<FolderListing>;
  /** Every song under `path`, in natural path order: what playing or adding the folder takes. */
  songsUnder(path: string): Promise<Song[]>;
  /** `path` as the catalogue stores it: absolute, under a library folder (through links if need be). */
  resolve(path: string): Promise<string>;
}

const naturally = madeOnce(() => new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
const byName = (a: { name: string }, b: { name: string }) => naturally().compare(a.name, b.name) || (a.name < b.name ? -1 : 1);

export function createFolderService({ db }: { db: Kysely<Database> }): FolderService {
  const roots = async () => (await listLibraryRoots(db)).map((r) => r.path);

  async function resolveFolder(path: string): Promise<{ path: string; root: string }> {
    const known = await roots();
    const inside = (candidate: string) => known.find((root) => candidate === root || candidate.startsWith(withSeparator(root)));
    const typed = stripSeparator(resolve(path));
    // A path through a link to a library folder, or a linked folder inside one that leads to another
    // folder of the library: the scan stores those songs under their real path, so that is the one to
    // list. A folder gone from disk (unmounted) or a link to outside the library folders: as typed.
    const real = await realpath(typed).catch(() => undefined);
    const realRoot = real === undefined ? undefined : inside(real);
    if (real !== undefined && realRoot) return { path: real, root: realRoot };
    const root = inside(typed);
    if (root) return { path: typed, root };
    throw new TunesError('not_found', `${path} is not in a library folder`, 'see them with: tunes folders');
  }

  return {
    async list(path) {
      if (path === undefined) {
        const folders: FolderEntry[] = [];
        for (const root of await roots()) folders.push({ path: root, name: root, song_count: await countSongsUnder(db, withSeparator(root)) });
        return { path: null, parent: null, folders, songs: [] };
      }
      const folder = await resolveFolder(path);
      if (await isSongPath(db, folder.path)) throw new TunesError('invalid_input', `${path} is a song, not a folder`);
      const listing = await listFolder(db, withSeparator(folder.path), sep);
      return {
        path: folder.path,
        parent: folder.path === folder.root ? null : dirname(folder.path),
        folders: listing.folders.map((f) => ({ path: f.path, name: basename(f.path), song_count: f.song_count })).sort(byName),
        songs: listing.songs.map((song) => ({ song, name: basename(song.path) })).sort(byName).map((s) => s.song),
      };
    },

    async songsUnder(path) {
      const folder = await resolveFolder(path);
      const songs = await songsUnder(db, withSeparator(folder.path));
      return songs.sort((a, b) => comparePaths(a.path, b.path));
    },

    resolve: async (path) => (await resolveFolder(path)).path,
  };
}

/** Natural order, part by part: "Disc 2/track9" before "Disc 10/track1", and a folder's songs together. */
function comparePaths(a: string, b: string): number {
  const left = a.split(sep);
  const right = b.split(sep);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const order = naturally().compare(left[i]!, right[i]!) || (left[i]! < right[i]! ? -1 : left[i]! > right[i]! ? 1 : 0);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function withSeparator(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}

function stripSeparator(path: string): string {
  return path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
}
