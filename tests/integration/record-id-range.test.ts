import { describe, expect, it } from 'vitest';
import { TunesError } from '../../src/errors.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { systemClock } from '../../src/services/clock.js';
import { createCoverService } from '../../src/services/covers/cover-service.js';
import { createLikeService } from '../../src/services/playlists/like-service.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import { errorOf } from '../helpers/error-of.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDialect } from '../helpers/test-postgres.js';
import { tempDir } from '../helpers/temp-dir.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';

// PostgreSQL's id columns are 32-bit: a local library's services got a larger id straight from the CLI
// (`tunes songs show 3000000000`) and the query failed (exit 1), where SQLite finds nothing (exit 4).
const PAST = 3_000_000_000;

async function library() {
  const store = await testDatabase();
  const [song] = await seedSongs(store, [{ title: 'One' }]);
  const user = (await createAuthService({ db: store.db, clock: systemClock, scryptParams: FAST_SCRYPT }).register('alice', 'password one')).user;
  const playlists = createPlaylistService({ db: store.db, clock: systemClock });
  await playlists.create(user.id, 'Mix');
  return { store, song: song!, user, playlists };
}

describe('ids past what a database column holds (both databases)', () => {
  it('are "not found" to the services a local library runs, as on SQLite', async () => {
    const { store, user, playlists } = await library();
    const catalog = createCatalogService({ db: store.db });
    const browse = createBrowseService({ db: store.db });
    const covers = createCoverService({ db: store.db, cacheDir: tempDir() });
    const likes = createLikeService({ db: store.db, clock: systemClock });
    const failures = [
      await errorOf(catalog.getSong(PAST)),
      await errorOf(browse.album(PAST)),
      await errorOf(browse.artist(PAST)),
      await errorOf(covers.songCover(PAST)),
      await errorOf(covers.albumCover(PAST)),
      await errorOf(likes.like(user.id, [PAST])),
      await errorOf(playlists.addSongs(user.id, 'mix', [PAST])),
      await errorOf(playlists.show(user.id, String(PAST))),
      await errorOf(playlists.show(user.id, { id: PAST })),
    ];
    expect(failures).toEqual([
      `not_found: no song with id ${PAST}`,
      `not_found: no album with id ${PAST}`,
      `not_found: no artist with id ${PAST}`,
      `not_found: no song with id ${PAST}`,
      `not_found: no album with id ${PAST}`,
      `not_found: no song with id ${PAST}`,
      `not_found: no song with id ${PAST}`,
      `not_found: no playlist "${PAST}"`,
      `not_found: no playlist "${PAST}"`,
    ]);
    expect(await likes.unlike(user.id, [PAST])).toEqual({ unliked: [], not_liked: [PAST] });
    expect(await catalog.getSongs([PAST])).toEqual([]);
    expect(await likes.likedAmong(user.id, [PAST])).toEqual(new Set());
    await store.close();
  });

  it('in any other lookup are not_found on PostgreSQL (nothing on SQLite); a write keeps the driver\'s error', async () => {
    const { store, song, user } = await library();
    const lookup = store.db.selectFrom('plays').select('id').where('song_id', '=', PAST).execute();
    const write = store.db.insertInto('plays').values({ user_id: user.id, song_id: song.id, started_at: new Date().toISOString(), ms_played: PAST }).execute();
    if (testDialect() === 'postgres') {
      expect(await errorOf(lookup)).toBe(`not_found: nothing has the id ${PAST} (ids stop at 2147483647)`);
      const refused: unknown = await write.then(() => 'written', (error: unknown) => error);
      expect(refused).not.toBeInstanceOf(TunesError);
      expect((refused as { code?: string }).code).toBe('22003');
    } else {
      expect(await lookup).toEqual([]);
      await write;
    }
    await store.close();
  });
});
