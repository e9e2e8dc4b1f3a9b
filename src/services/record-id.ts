/**
 * The largest id (of a song, album, artist, playlist, user...) and playlist position either database
 * can hold: PostgreSQL's `integer` columns are 32-bit. Edges refuse a larger number as they refuse
 * any malformed one, so it never reaches a query (where PostgreSQL would fail it, not find nothing).
 */
export const MAX_RECORD_ID = 2_147_483_647;

export function isRecordId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_RECORD_ID;
}
