import type { Song } from '../../domain/song.js';
import type { SongItem } from '../ports.js';

export const toSongItem = (song: Song): SongItem => ({
  id: song.id,
  title: song.title,
  artist: song.artist,
  album: song.album,
  durationMs: song.duration_ms,
});
