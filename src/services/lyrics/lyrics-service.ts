import type { Kysely } from 'kysely';
import { findLyricsOfSong } from '../../db/repositories/lyrics.js';
import { findSongById } from '../../db/repositories/songs.js';
import type { Database } from '../../db/schema.js';
import type { Lyrics, LyricsSource } from '../../domain/lyrics.js';
import { TunesError } from '../../errors.js';
import { isRecordId } from '../record-id.js';
import { parseLrc } from './lrc-parser.js';

export interface LyricsService {
  /** The song's lyrics, parsed (synced when they are LRC); null when it has none. not_found: no such song. */
  ofSong(songId: number): Promise<Lyrics | null>;
}

const SOURCES: readonly LyricsSource[] = ['sidecar', 'sylt', 'embedded'];

/**
 * Lyrics as the last scan stored them. Parsed on each call: a song's LRC parses in well under a
 * millisecond, and the stored text stays the file's own (a better parser later needs no rescan).
 * The last parse is kept, so a player asking again and again for the song playing pays once.
 */
export function createLyricsService({ db }: { db: Kysely<Database> }): LyricsService {
  let last: { songId: number; text: string; lyrics: Lyrics } | undefined;
  return {
    async ofSong(songId) {
      // No query for an id no database holds (PostgreSQL would fail it rather than find nothing).
      if (!isRecordId(songId)) throw new TunesError('not_found', `no song with id ${songId}`);
      const stored = await findLyricsOfSong(db, songId);
      if (!stored) {
        if (!(await findSongById(db, songId))) throw new TunesError('not_found', `no song with id ${songId}`);
        return null;
      }
      if (last && last.songId === songId && last.text === stored.text) return last.lyrics;
      const parsed = parseLrc(stored.text);
      const lyrics: Lyrics = {
        song_id: songId,
        source: SOURCES.includes(stored.source as LyricsSource) ? (stored.source as LyricsSource) : 'embedded',
        synced: parsed.synced,
        language: stored.language,
        tags: parsed.tags,
        lines: parsed.lines,
      };
      last = { songId, text: stored.text, lyrics };
      return lyrics;
    },
  };
}
