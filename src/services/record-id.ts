/**
 * Ids (of songs, albums, artists, playlists, users...) and playlist positions stop at PostgreSQL's
 * `integer`: edges refuse a larger number as they refuse any malformed one (src/db/id-range.ts).
 */
export { MAX_RECORD_ID, isRecordId } from '../db/id-range.js';
