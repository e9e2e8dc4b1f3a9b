import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredPlayQueue {
  songIds: number[];
  currentSongId: number | null;
  positionMs: number;
  changedAt: string;
  changedBy: string;
}

export async function savePlayQueue(db: Db, userId: number, queue: StoredPlayQueue): Promise<void> {
  const values = {
    song_ids: JSON.stringify(queue.songIds),
    current_song_id: queue.currentSongId,
    position_ms: queue.positionMs,
    changed_at: queue.changedAt,
    changed_by: queue.changedBy,
  };
  await db
    .insertInto('play_queues')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function deletePlayQueue(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('play_queues').where('user_id', '=', userId).execute();
}

export async function findPlayQueue(db: Db, userId: number): Promise<StoredPlayQueue | undefined> {
  const row = await db.selectFrom('play_queues').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.song_ids);
  const songIds = Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id)) : [];
  return { songIds, currentSongId: row.current_song_id, positionMs: row.position_ms, changedAt: row.changed_at, changedBy: row.changed_by };
}
