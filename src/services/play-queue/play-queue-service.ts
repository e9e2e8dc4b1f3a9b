import type { Kysely } from 'kysely';
import { currentlyPlaying, setNowPlaying } from '../../db/repositories/now-playing.js';
import { deletePlayQueue, findPlayQueue, savePlayQueue } from '../../db/repositories/play-queues.js';
import { existingSongIds } from '../../db/repositories/song-lookup.js';
import { findSongsByIds } from '../../db/repositories/songs.js';
import type { Database } from '../../db/schema.js';
import type { NowPlayingEntry, PlayQueue } from '../../domain/play-queue.js';
import { TunesError } from '../../errors.js';
import type { Clock } from '../clock.js';

/** How long a "now playing" report lasts without another (Navidrome keeps them a few minutes too). */
export const NOW_PLAYING_TTL_MS = 10 * 60 * 1000;
export const MAX_QUEUE_SONGS = 10_000;

export interface SaveQueue {
  songIds: number[];
  currentSongId?: number | undefined;
  positionMs?: number | undefined;
  client: string;
}

/**
 * Each user's saved play queue (Subsonic's getPlayQueue/savePlayQueue: a phone resumes where a
 * desktop stopped) and what their clients report playing now. Kept in the database, per user; the
 * background player's own queue is another thing.
 */
export interface PlayQueueService {
  save(userId: number, queue: SaveQueue): Promise<void>;
  get(userId: number): Promise<PlayQueue | undefined>;
  nowPlaying(userId: number, songId: number, client: string): Promise<void>;
  playingNow(): Promise<NowPlayingEntry[]>;
}

export function createPlayQueueService({ db, clock }: { db: Kysely<Database>; clock: Clock }): PlayQueueService {
  return {
    async save(userId, { songIds, currentSongId, positionMs = 0, client }) {
      if (songIds.length > MAX_QUEUE_SONGS) throw new TunesError('invalid_input', `a play queue holds at most ${MAX_QUEUE_SONGS} songs`);
      if (songIds.length === 0) return deletePlayQueue(db, userId);
      const found = await existingSongIds(db, [...new Set(songIds)]);
      const missing = songIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new TunesError('not_found', `no song with id ${missing.slice(0, 10).join(', ')}`);
      if (currentSongId !== undefined && !songIds.includes(currentSongId)) {
        throw new TunesError('invalid_input', `the current song ${currentSongId} is not in the queue`);
      }
      if (!Number.isSafeInteger(positionMs) || positionMs < 0) throw new TunesError('invalid_input', 'the position is a whole number of ms, 0 or more');
      await savePlayQueue(db, userId, {
        songIds,
        currentSongId: currentSongId ?? songIds[0] ?? null,
        positionMs,
        changedAt: clock.now().toISOString(),
        changedBy: client,
      });
    },

    async get(userId) {
      const stored = await findPlayQueue(db, userId);
      if (!stored) return undefined;
      const byId = new Map((await findSongsByIds(db, stored.songIds)).map((song) => [song.id, song]));
      return {
        songs: stored.songIds.flatMap((id) => byId.get(id) ?? []),
        current_song_id: stored.currentSongId,
        position_ms: stored.positionMs,
        changed_at: stored.changedAt,
        changed_by: stored.changedBy,
      };
    },

    async nowPlaying(userId, songId, client) {
      const found = await existingSongIds(db, [songId]);
      if (!found.has(songId)) throw new TunesError('not_found', `no song with id ${songId}`);
      const now = clock.now();
      await setNowPlaying(db, {
        userId,
        client,
        songId,
        startedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + NOW_PLAYING_TTL_MS).toISOString(),
      });
    },

    playingNow: () => currentlyPlaying(db, clock.now().toISOString()),
  };
}
