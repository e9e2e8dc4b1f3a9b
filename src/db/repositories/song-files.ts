import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The catalogue's path for a song: the only source of paths the HTTP server ever opens. */
export async function findSongPath(
  db: Db,
  songId: number,
): Promise<{ path: string; missing_since: string | null } | undefined> {
  return db.selectFrom('songs').select(['path', 'missing_since']).where('id', '=', songId).executeTakeFirst();
}
