// Run as its own process: adds each song id given, one `addSongs` call (one transaction) at a time,
// to the playlist, as the given user. Used to hammer one playlist from several processes at once.
import { openStore } from '../../src/db/open.js';
import { systemClock } from '../../src/services/clock.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';

const [dbPath, userId, playlist, ...songIds] = process.argv.slice(2);
const store = await openStore(dbPath!);
const playlists = createPlaylistService({ db: store.db, clock: systemClock });
try {
  for (const [i, songId] of songIds.entries()) {
    // alternate appending and inserting at the top, so both ways of placing entries race
    await playlists.addSongs(Number(userId), playlist!, [Number(songId)], i % 2 ? { at: 1 } : {});
  }
} finally {
  await store.close();
}
