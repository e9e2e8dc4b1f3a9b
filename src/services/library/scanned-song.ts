import { sep } from 'node:path';
import type { ScannedSong } from '../../db/repositories/song-writes.js';
import { albumFolderOf, fileOrderOf, untaggedNames } from './album-identity.js';
import type { ScannedLyrics } from './embedded-lyrics.js';
import { UNKNOWN_ALBUM, UNKNOWN_ARTIST, type EmbeddedPicture, type SongTags } from './song-tags.js';

/**
 * A file's row as the scan writes it: its tags, with what its place says where they are silent (the
 * folder as album, the folder above as artist, a disc folder's number), and where it sits in its album.
 */
export function scannedSong(
  tags: SongTags,
  file: { path: string; size: number; mtime_ms: number; dev: number; ino: number; lyrics_sidecar: string | null },
  root: string | undefined,
  picture: EmbeddedPicture | undefined,
  lyrics: ScannedLyrics | undefined,
): ScannedSong {
  const albumFolder = albumFolderOf(file.path);
  const untagged = tags.album === null || tags.artist === null || tags.disc_no === null ? untaggedNames(file.path, root, albumFolder) : undefined;
  return {
    ...tags,
    artist: tags.artist ?? untagged?.artist ?? UNKNOWN_ARTIST,
    album: tags.album ?? untagged?.album ?? UNKNOWN_ALBUM,
    disc_no: tags.disc_no ?? untagged?.disc ?? null,
    compilation_tag: tags.compilation_tag ? 1 : 0,
    album_folder: albumFolder,
    file_order: fileOrderOf(file.path, albumFolder),
    picture: picture ?? null,
    lyrics: lyrics ?? null,
    lyrics_sidecar: file.lyrics_sidecar,
    album_id: null,
    artist_id: null,
    album_artist_name: null,
    album_order: null,
    path: file.path,
    size: file.size,
    mtime_ms: file.mtime_ms,
    dev: file.dev,
    ino: file.ino,
  };
}

/** The library folder `path` was found under (the longest that holds it). */
export function rootOf(path: string, roots: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const root of roots) {
    const prefix = root.endsWith(sep) ? root : root + sep;
    if (path.startsWith(prefix) && (best === undefined || root.length > best.length)) best = root;
  }
  return best;
}
