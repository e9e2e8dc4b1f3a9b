import type { Kysely } from 'kysely';
import { songStoryOf } from '../../db/repositories/song-story.js';
import { findSongById } from '../../db/repositories/songs.js';
import type { Database } from '../../db/schema.js';
import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';

/** Everything tunes knows about one song, for one user (the UI's info pane). */
export interface SongStory {
  song: Song;
  play_count: number;
  last_played_at: string | null;
  liked_at: string | null;
  /** Names of the user's playlists that hold it. */
  playlists: string[];
}

export interface SongStoryService {
  /** not_found: no such song. */
  of(userId: number, songId: number): Promise<SongStory>;
}

export function createSongStoryService({ db }: { db: Kysely<Database> }): SongStoryService {
  return {
    async of(userId, songId) {
      const song = await findSongById(db, songId);
      if (!song) throw new TunesError('not_found', `no song with id ${songId}`);
      return { song, ...(await songStoryOf(db, userId, songId)) };
    },
  };
}
