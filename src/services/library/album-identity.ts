import { basename, dirname, relative, sep } from 'node:path';
import { VARIOUS_ARTISTS } from '../../db/repositories/song-row.js';
import { fold } from '../../text/fold.js';

/**
 * How songs become albums (issue 10). An album is its title plus its album artist, compared folded
 * (case and accents ignored). The album artist is the album-artist tag; a compilation (the tag says
 * "Various Artists", or the compilation flag TCMP / cpil / COMPILATION=1 is set) is by "Various
 * Artists". Without either, the album artist is the track artist, unless one folder holds tracks of
 * one album title by several artists with no album-artist tag (a soundtrack, a mix): those are ONE
 * album by "Various Artists", as Navidrome and beets treat them. Songs in disc folders ("CD1",
 * "Disc 2") belong to the folder above them.
 */
export { VARIOUS_ARTISTS };
const VARIOUS_KEYS = new Set(['various artists', 'various artist', 'various', 'va', 'v.a.', 'v/a', 'v. a.']);

/** "Various Artists", "VA", "various": the album artist of compilations. */
export function isVariousArtists(name: string): boolean {
  return VARIOUS_KEYS.has(fold(name.trim()));
}

/** "CD1", "CD 2", "Disc 3", "disk-4", "Disc 1 - The Early Years": the number, else undefined. */
export function discFolderNumber(folderName: string): number | undefined {
  const match = /^(?:cd|dis[ck])\s*[-_.]?\s*(\d{1,3})(?:\D.*)?$/i.exec(folderName.trim());
  return match ? Number(match[1]) : undefined;
}

/** The folder an album lives in: the song's folder, or the one above it when that is a disc folder. */
export function albumFolderOf(path: string): string {
  const folder = dirname(path);
  return discFolderNumber(basename(folder)) !== undefined ? dirname(folder) : folder;
}

/**
 * A key that sorts names the way people read them: case and accents folded, and every run of digits
 * compared as a number ("track2" before "track10").
 */
export function naturalKey(text: string): string {
  return fold(text).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

/** The order of a file inside its album folder, after disc and track numbers (disc folders first by name). */
export function fileOrderOf(path: string, albumFolder = albumFolderOf(path)): string {
  // The album folder holds the file (it is its folder or the one above): the rest of the path is what
  // path.relative would give, without resolving both paths against the working folder first.
  const start = albumFolder.endsWith(sep) ? albumFolder.length : albumFolder.length + 1;
  const inside = path.startsWith(albumFolder) ? path.slice(start) : relative(albumFolder, path);
  return naturalKey(sep === '/' ? inside : inside.split(sep).join('/'));
}

export interface UntaggedNames {
  /** The album folder's name. */
  album: string;
  /** The folder above the album folder, when it is inside the library folder (Artist/Album/track). */
  artist: string | null;
  /** The number of the disc folder the file is in, if any. */
  disc: number | null;
}

/** What a file's place says when its tags do not: `root` is the library folder it was found under. */
export function untaggedNames(path: string, root: string | undefined, albumFolder = albumFolderOf(path)): UntaggedNames {
  const parent = dirname(albumFolder);
  const inside = root !== undefined && albumFolder !== root && parent !== root && parent.startsWith(root + (root.endsWith(sep) ? '' : sep));
  return {
    album: basename(albumFolder) || albumFolder,
    artist: inside ? basename(parent) : null,
    disc: discFolderNumber(basename(dirname(path))) ?? null,
  };
}

/** The tags grouping looks at. */
export interface GroupingTags {
  artist: string;
  album: string;
  /** The album-artist tag, if any. */
  album_artist: string | null;
  /** The compilation flag. */
  compilation_tag: boolean;
}

/**
 * The album artist of each song of one album folder (same order as `songs`). Only songs of the same
 * folder can make a "one title, many artists" album, so callers pass one folder at a time.
 */
export function albumArtistsOf(songs: readonly GroupingTags[]): string[] {
  const untaggedArtists = new Map<string, Set<string>>();
  for (const song of songs) {
    if (song.compilation_tag || song.album_artist !== null) continue;
    const title = fold(song.album);
    const artists = untaggedArtists.get(title) ?? new Set<string>();
    artists.add(fold(song.artist));
    untaggedArtists.set(title, artists);
  }
  return songs.map((song) => {
    if (song.compilation_tag) return VARIOUS_ARTISTS;
    if (song.album_artist !== null) return isVariousArtists(song.album_artist) ? VARIOUS_ARTISTS : song.album_artist;
    if (isVariousArtists(song.artist)) return VARIOUS_ARTISTS;
    return (untaggedArtists.get(fold(song.album))?.size ?? 0) > 1 ? VARIOUS_ARTISTS : song.artist;
  });
}

/** The key an artist is one artist by. */
export const artistKey = (name: string): string => fold(name.trim());
/** The key an album title is compared by (with its album artist). */
export const albumTitleKey = (title: string): string => fold(title.trim());

/** The catalogue's order of albums: album artist, then title, then the album itself. */
export function albumOrderKey(albumArtist: string, title: string, albumId: number): string {
  return `${naturalKey(albumArtist)}\u0001${naturalKey(title)}\u0001${String(albumId).padStart(12, '0')}`;
}
