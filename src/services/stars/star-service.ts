import type { Kysely } from 'kysely';
import * as stars from '../../db/repositories/stars.js';
import type { Database } from '../../db/schema.js';
import type { Starred, StarTimes } from '../../domain/stars.js';
import { writeTransaction } from '../../db/write-transaction.js';
import type { Clock } from '../clock.js';
import type { LikeService } from '../playlists/like-service.js';

export interface StarTargets {
  songs?: number[];
  albums?: number[];
  artists?: number[];
}

/**
 * Stars as Subsonic has them: a starred song is a liked song (the likes `tunes liked` lists), and
 * albums and artists can be starred too.
 */
export interface StarService {
  /** Songs must exist (not_found otherwise); albums and artists that do not exist are skipped. */
  star(userId: number, targets: StarTargets): Promise<void>;
  unstar(userId: number, targets: StarTargets): Promise<void>;
  starred(userId: number): Promise<Starred>;
  starTimes(userId: number, targets: StarTargets): Promise<StarTimes>;
}

export function createStarService({ db, clock, likes }: { db: Kysely<Database>; clock: Clock; likes: LikeService }): StarService {
  return {
    async star(userId, { songs = [], albums = [], artists = [] }) {
      if (songs.length > 0) await likes.like(userId, songs);
      if (albums.length === 0 && artists.length === 0) return;
      const now = clock.now().toISOString();
      await writeTransaction(db, async (trx) => {
        await stars.insertStars(trx, 'album', userId, albums, now);
        await stars.insertStars(trx, 'artist', userId, artists, now);
      });
    },

    async unstar(userId, { songs = [], albums = [], artists = [] }) {
      if (songs.length > 0) await likes.unlike(userId, songs);
      if (albums.length === 0 && artists.length === 0) return;
      await writeTransaction(db, async (trx) => {
        await stars.deleteStars(trx, 'album', userId, albums);
        await stars.deleteStars(trx, 'artist', userId, artists);
      });
    },

    async starred(userId) {
      const [songs, albums, artists] = await Promise.all([likes.list(userId), stars.starredAlbums(db, userId), stars.starredArtists(db, userId)]);
      return { songs, albums, artists };
    },

    async starTimes(userId, { songs = [], albums = [], artists = [] }) {
      const [songTimes, albumTimes, artistTimes] = await Promise.all([
        stars.likeTimes(db, userId, songs),
        stars.starTimes(db, 'album', userId, albums),
        stars.starTimes(db, 'artist', userId, artists),
      ]);
      return { songs: songTimes, albums: albumTimes, artists: artistTimes };
    },
  };
}
