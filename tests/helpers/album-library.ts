import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { systemClock } from '../../src/services/clock.js';
import { createCoverService } from '../../src/services/covers/cover-service.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { tempDir } from './temp-dir.js';
import { FAST_SCRYPT, testDatabase } from './test-store.js';

/** tests/fixtures/albums: soundtracks, compilations, same-named albums, covers (make-album-fixtures.sh). */
export const ALBUM_FIXTURES = fileURLToPath(new URL('../fixtures/albums', import.meta.url));

/** A copy of the album fixtures, scanned into a real library (of the dialect under test), with the services that read it. */
export async function albumLibrary(options: { workers?: number } = {}) {
  const store = await testDatabase();
  const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: FAST_SCRYPT });
  const admin = (await auth.register('admin', 'password one')).user;
  const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock: systemClock });
  const browse = createBrowseService({ db: store.db });
  const catalog = createCatalogService({ db: store.db });
  const covers = createCoverService({ db: store.db, cacheDir: tempDir('tunes-cache-') });
  const music = join(tempDir('tunes-music-'), 'Music');
  cpSync(ALBUM_FIXTURES, music, { recursive: true, preserveTimestamps: true });
  const scan = await library.addRoots(admin, [music], { workers: options.workers ?? 0 });
  const albumNamed = async (title: string, artist?: string) => {
    const all = await browse.albums({ limit: 100, offset: 0 });
    const found = all.filter((a) => a.title === title && (artist === undefined || a.artist === artist));
    if (found.length !== 1) throw new Error(`${found.length} albums named ${title}`);
    return found[0]!;
  };
  return { store, admin, library, browse, catalog, covers, music, scan, albumNamed };
}
