import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import * as likes from '../../db/repositories/likes.js';
import { existingSongIds } from '../../db/repositories/song-lookup.js';
import { writeTransaction } from '../../db/write-transaction.js';
import type { Clock } from '../clock.js';
import { requirePositiveIds } from './playlist-rules.js';
import type { LikedSong, LikeResult, UnlikeResult } from '../../domain/like.js';

export interface LikeService {
  /** Likes each song; ones already liked keep their first like time and are reported as such. */
  like(userId: number, songIds: number[]): Promise<LikeResult>;
  unlike(userId: number, songIds: number[]): Promise<UnlikeResult>;
  /** Newest like first. The same order `playlists.songsOf(user, { kind: 'liked' })` plays in. */
  list(userId: number): Promise<LikedSong[]>;
  /** Which of these songs the user likes (for marking them in lists). */
  likedAmong(userId: number, songIds: number[]): Promise<Set<number>>;
}

export function createLikeService({ db, clock }: { db: Kysely<Database>; clock: Clock }): LikeService {
  return {
    async like(userId, songIds) {
      const ids = [...new Set(requirePositiveIds(songIds, 'song id'))];
      return writeTransaction(db, async (trx) => {
        const found = await existingSongIds(trx, ids);
        const missing = ids.filter((id) => !found.has(id));
        if (missing.length > 0) {
          throw new TunesError('not_found', `no song with id ${missing.join(', ')}`, 'run `tunes songs` to see song ids');
        }
        const liked = new Set(await likes.insertLikes(trx, userId, ids, clock.now().toISOString()));
        return { liked: ids.filter((id) => liked.has(id)), already_liked: ids.filter((id) => !liked.has(id)) };
      });
    },

    async unlike(userId, songIds) {
      const ids = [...new Set(requirePositiveIds(songIds, 'song id'))];
      return writeTransaction(db, async (trx) => {
        const removed = new Set(await likes.deleteLikes(trx, userId, ids));
        return { unliked: ids.filter((id) => removed.has(id)), not_liked: ids.filter((id) => !removed.has(id)) };
      });
    },

    list: (userId) => likes.listLiked(db, userId),

    likedAmong: (userId, songIds) => likes.likedAmong(db, userId, songIds),
  };
}
