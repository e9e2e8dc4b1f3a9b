/**
 * The largest id (of a song, album, artist, playlist, user...) and playlist position either database
 * can hold: PostgreSQL's `integer` columns are 32-bit. A larger number names no row on either database,
 * so lookups answer "none" without asking (PostgreSQL would fail the query, where SQLite finds nothing).
 */
export const MAX_RECORD_ID = 2_147_483_647;

export function isRecordId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_RECORD_ID;
}

/** The ids of `ids` that a row could have: the rest name nothing. */
export function storableIds(ids: readonly number[]): number[] {
  return ids.filter((id) => Number.isSafeInteger(id) && id >= -MAX_RECORD_ID - 1 && id <= MAX_RECORD_ID);
}

/** Whether a row could have this id (0 and negatives included: they find nothing, as on SQLite). */
export function isStorableId(id: number): boolean {
  return storableIds([id]).length === 1;
}
