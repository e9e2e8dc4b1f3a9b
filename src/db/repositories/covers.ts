import type { Kysely, Transaction } from 'kysely';
import type { Cover } from '../../domain/album.js';
import type { Database } from '../schema.js';
import { isStorableId } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The album's cover; undefined when there is no such album, null when it has no cover. */
export async function albumCover(db: Db, albumId: number): Promise<Cover | null | undefined> {
  if (!isStorableId(albumId)) return undefined;
  const album = await db.selectFrom('albums').select('cover_id').where('id', '=', albumId).executeTakeFirst();
  if (!album) return undefined;
  return album.cover_id === null ? null : findCover(db, album.cover_id);
}

/** The song's own embedded picture, else its album's cover; undefined when there is no such song. */
export async function songCover(db: Db, songId: number): Promise<Cover | null | undefined> {
  if (!isStorableId(songId)) return undefined;
  const song = await db
    .selectFrom('songs')
    .leftJoin('albums', 'albums.id', 'songs.album_id')
    .select(['songs.cover_id as own', 'albums.cover_id as album'])
    .where('songs.id', '=', songId)
    .executeTakeFirst();
  if (!song) return undefined;
  const id = song.own ?? song.album;
  return id === null ? null : findCover(db, id);
}

async function findCover(db: Db, id: number): Promise<Cover | null> {
  const row = await db.selectFrom('covers').select(['id', 'hash', 'mime', 'byte_size']).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Where a cover's bytes can be read: folder images holding it, and songs embedding it (present ones first). */
export async function coverSources(db: Db, coverId: number): Promise<{ images: Array<{ folder: string; file_name: string }>; embeddedIn: string[] }> {
  const folders = await db.selectFrom('folder_covers').select(['folder', 'file_name']).where('cover_id', '=', coverId).execute();
  const songs = await db
    .selectFrom('songs')
    .select('path')
    .where('cover_id', '=', coverId)
    .orderBy((eb) => eb('missing_since', 'is not', null))
    .orderBy('id')
    .limit(20)
    .execute();
  return { images: folders, embeddedIn: songs.map((s) => s.path) };
}
