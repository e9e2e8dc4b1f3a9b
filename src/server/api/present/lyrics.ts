// GET /api/songs/:id/lyrics: the same object as `tunes lyrics --json`, made once for both edges.
export { presentLyrics } from '../../../services/present/lyrics.js';
