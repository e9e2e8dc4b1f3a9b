import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A song's stored lyrics, as the scan wrote them (the text is LRC or plain: services parse it). */
export interface StoredLyrics {
  song_id: number;
  source: string;
  language: string | null;
  text: string;
}

export async function findLyricsOfSong(db: Db, songId: number): Promise<StoredLyrics | undefined> {
  return db.selectFrom('song_lyrics').select(['song_id', 'source', 'language', 'text']).where('song_id', '=', songId).executeTakeFirst();
}
