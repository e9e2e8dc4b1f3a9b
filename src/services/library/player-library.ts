import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { SongWriter } from '../../db/repositories/song-writes.js';
import type { ScanSummary } from '../../domain/library.js';
import type { User } from '../../domain/user.js';
import type { Clock } from '../clock.js';
import type { LibraryService, LibraryWatch, LibraryWatchOptions } from './library-service.js';

/** What the background player does to the library: keep it up to date, and scan when an MPD client asks. */
export interface PlayerLibrary {
  /** Watches the library folders as the logged-in account (an admin), sharing the scan lock. */
  watch(options: Omit<LibraryWatchOptions, 'shareLock'>): Promise<LibraryWatch>;
  /** Scans every library folder now, as the logged-in account (an admin). */
  scan(): Promise<ScanSummary>;
  /** Throws what a scan would be refused with (nobody logged in, not an admin). */
  checkAllowed(): Promise<void>;
}

/**
 * The player's library upkeep over the same library service `tunes library` and `serve --watch` use,
 * loaded only when first used (the player starts without the scanner's code).
 */
export function playerLibrary(deps: { db: Kysely<Database>; songWriter: () => SongWriter; clock: Clock; currentUser: () => Promise<User> }): PlayerLibrary {
  let service: Promise<LibraryService> | undefined;
  const library = () =>
    (service ??= import('./library-service.js').then(({ createLibraryService }) => createLibraryService({ db: deps.db, songWriter: deps.songWriter, clock: deps.clock })));
  return {
    async watch(options) {
      return (await library()).watch(await deps.currentUser(), { ...options, shareLock: true });
    },
    async scan() {
      return (await library()).scan(await deps.currentUser());
    },
    async checkAllowed() {
      const actor = await deps.currentUser();
      if (actor.role !== 'admin') throw new TunesError('forbidden', `only an admin can manage the library (${actor.username} is a ${actor.role})`);
    },
  };
}
