import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AlbumAssignment, AlbumWriter, GroupingRow } from '../../db/repositories/album-writes.js';
import type { ScannedSong } from '../../db/repositories/song-writes.js';
import { albumArtistsOf, albumFolderOf, discFolderNumber, fileOrderOf } from './album-identity.js';
import { AlbumResolver } from './album-resolver.js';
import { FolderImages } from './folder-images.js';

/** What a scan shares with the grouping: ids it resolved already, folder images it looked at. */
export interface GroupingContext {
  resolver: AlbumResolver;
  images: FolderImages;
  /** Ids before this grouping began: albums and artists made after them and left unused are dropped. */
  before: { album: number; artist: number };
}

export async function groupingContext(writer: AlbumWriter, now: string): Promise<GroupingContext> {
  return {
    resolver: new AlbumResolver(writer, now),
    images: new FolderImages(new Map((await writer.folderCovers()).map((r) => [r.folder, r]))),
    before: await writer.lastIds(),
  };
}

/**
 * Gives songs about to be written their album as far as their own batch tells (the album folder's
 * other songs may be in another batch: groupAlbums settles it at the end), so most rows are written
 * once, already grouped.
 */
export async function groupBeforeWriting(songs: ScannedSong[], resolver: AlbumResolver): Promise<void> {
  const byFolder = new Map<string, ScannedSong[]>();
  for (const song of songs) {
    const list = byFolder.get(song.album_folder) ?? [];
    list.push(song);
    byFolder.set(song.album_folder, list);
  }
  for (const list of byFolder.values()) {
    const albumArtists = albumArtistsOf(list.map((s) => ({ ...s, compilation_tag: s.compilation_tag === 1 })));
    for (const [i, song] of list.entries()) {
      const album = await resolver.album(song.album, albumArtists[i]!);
      song.album_id = album.album_id;
      song.album_artist_name = album.album_artist_name;
      song.album_order = album.album_order;
      song.artist_id = (await resolver.artist(song.artist)).id;
    }
  }
}

/**
 * Regroups the songs of `albumFolders` (and of any song no grouping has placed yet) into albums and
 * artists, picks each touched album's cover, and recounts what changed, in one transaction. The scan
 * calls it with the album folders of the files it read or lost; nothing else needs to.
 */
export async function groupAlbums(
  writer: AlbumWriter,
  albumFolders: Iterable<string>,
  now: string,
  given?: GroupingContext,
  { ungrouped = true }: { ungrouped?: boolean } = {},
): Promise<void> {
  const folders = new Set(albumFolders);
  const context = given ?? (await groupingContext(writer, now));
  await writer.inTransaction(async () => {
    const unplaced = ungrouped ? await writer.ungrouped() : [];
    const placements = unplaced
      .filter((song) => song.album_folder === null)
      .map((song) => ({ id: song.id, album_folder: albumFolderOf(song.path), file_order: fileOrderOf(song.path) }));
    await writer.place(placements);
    for (const song of unplaced) folders.add(song.album_folder ?? albumFolderOf(song.path));
    if (folders.size === 0) return writer.refreshChanged();

    const rows = await writer.songsInFolders([...folders]);
    const touchedAlbums = await assignAlbums(writer, rows, context.resolver);
    // A batch written before the rest of its folder may have guessed an album the folder overruled.
    await writer.dropUnusedSince(context.before);
    await chooseCovers(writer, touchedAlbums, context, now);
    await writer.refreshChanged();
  });
}

/** Album folders whose folder image changed or went since it was stored (a stat each). */
export async function changedFolderCovers(writer: AlbumWriter): Promise<string[]> {
  const changed: string[] = [];
  for (const stored of await writer.folderCovers()) {
    const info = statSync(join(stored.folder, stored.file_name), { throwIfNoEntry: false });
    if (!info || info.size !== stored.size || Math.trunc(info.mtimeMs) !== stored.mtime_ms) changed.push(albumFolderOfImages(stored.folder));
  }
  return changed;
}

/** The album folder a folder of images belongs to. */
function albumFolderOfImages(folder: string): string {
  return discFolderNumber(basename(folder)) !== undefined ? dirname(folder) : folder;
}

async function assignAlbums(writer: AlbumWriter, rows: readonly GroupingRow[], resolver: AlbumResolver): Promise<Set<number>> {
  const byFolder = new Map<string, GroupingRow[]>();
  for (const row of rows) {
    const list = byFolder.get(row.album_folder) ?? [];
    list.push(row);
    byFolder.set(row.album_folder, list);
  }
  const touched = new Set<number>();
  const changes: AlbumAssignment[] = [];
  for (const songs of byFolder.values()) {
    const albumArtists = albumArtistsOf(songs.map((s) => ({ ...s, compilation_tag: s.compilation_tag === 1 })));
    for (const [i, song] of songs.entries()) {
      const album = await resolver.album(song.album, albumArtists[i]!);
      const next: AlbumAssignment = { id: song.id, artist_id: (await resolver.artist(song.artist)).id, ...album };
      touched.add(album.album_id);
      if (song.album_id !== null) touched.add(song.album_id);
      if (
        song.album_id !== next.album_id || song.artist_id !== next.artist_id ||
        song.album_artist_name !== next.album_artist_name || song.album_order !== next.album_order
      ) changes.push(next);
    }
  }
  await writer.assign(changes);
  return touched;
}

/** An album's cover: the first embedded picture in album order, else a folder image beside its songs. */
async function chooseCovers(writer: AlbumWriter, albumIds: ReadonlySet<number>, { images }: GroupingContext, now: string): Promise<void> {
  const decided = new Map<string, number | null>();
  const folderCover = async (folder: string): Promise<number | null> => {
    if (decided.has(folder)) return decided.get(folder) ?? null;
    const image = images.look(folder);
    const stored = images.storedFor(folder);
    let cover: number | null = null;
    if (image.kind === 'unreadable') cover = stored?.cover_id ?? null;
    else if (image.kind === 'unchanged') cover = image.cover_id;
    else if (image.kind === 'found') {
      cover = await writer.coverId({ hash: image.hash, mime: image.mime, byte_size: image.byte_size }, now);
      await writer.saveFolderCover({ ...image.row, cover_id: cover });
    } else if (stored) await writer.dropFolderCover(folder);
    decided.set(folder, cover);
    return cover;
  };
  for (const candidates of await writer.coverCandidates([...albumIds])) {
    let cover = candidates.embedded[0] ?? null;
    if (cover === null) {
      const folders = new Set<string>();
      for (const path of candidates.paths) folders.add(dirname(path)).add(albumFolderOf(path));
      for (const folder of [...folders].sort()) {
        cover = await folderCover(folder);
        if (cover !== null) break;
      }
    }
    await writer.setAlbumCover(candidates.album_id, cover);
  }
}
