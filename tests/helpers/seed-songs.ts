import type { Store } from '../../src/db/open.js';
import { songRowToSong } from '../../src/db/repositories/song-row.js';
import { groupAlbums } from '../../src/services/library/group-albums.js';
import type { NewSongRow } from '../../src/db/schema.js';
import type { Song } from '../../src/domain/song.js';

let counter = 0;

/**
 * Inserts catalogue rows directly, for tests of features that sit on top of the library
 * (playlists, likes, playback) and need songs without scanning audio files. They are grouped into
 * albums and artists as a scan would group them (by their folder, album and artist tags).
 */
export async function seedSongs(store: Store, songs: Array<Partial<NewSongRow>>): Promise<Song[]> {
  const ids: number[] = [];
  for (const song of songs) {
    counter += 1;
    // Each artist's album in its own folder, as a library usually lays them out.
    const folder = [song.artist ?? 'Seed Artist', song.album ?? 'Seed Album'].map((name) => name.replaceAll('/', '_')).join('/');
    const row = await store.db
      .insertInto('songs')
      .values({
        path: `/music/${folder}/seed-${process.pid}-${counter}.mp3`,
        title: `Song ${counter}`,
        artist: 'Seed Artist',
        album: 'Seed Album',
        size: 1000,
        mtime_ms: 0,
        duration_ms: 180_000,
        added_at: new Date(0).toISOString(),
        ...song,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  await groupAlbums(store.songWriter().albums, [], new Date(0).toISOString());
  await store.songWriter().refreshSearchTerms(); // as the end of a scan does
  const grouped = await store.db.selectFrom('songs').selectAll().where('id', 'in', ids.length ? ids : [0]).execute();
  const byId = new Map(grouped.map((row) => [row.id, songRowToSong(row)]));
  return ids.map((id) => byId.get(id)!);
}
