import type { PlayerCommand } from '../../domain/player-command.js';
import type { HostEvent, HostQueue, HostReply, HostState } from '../../domain/player-state.js';
import type { BrowseService } from '../browse/browse-service.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { CoverService } from '../covers/cover-service.js';
import type { LibraryQueryService } from '../library-query/library-query-service.js';
import type { LyricsService } from '../lyrics/lyrics-service.js';
import type { PlaylistService } from '../playlists/playlist-service.js';
import type { PlaylistSummary } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import { createPlayerDispatcher, type DispatcherDeps } from './player-dispatcher.js';
import { differsVisibly, toHostState } from './player-view.js';
import type { PlaybackEvent, PlaybackState } from './playback-state.js';
import type { QueueItem } from './playback-service.js';

/**
 * The player as everything inside the player process sees it: the socket server, and the MPRIS
 * and MPD bridges (src/daemon/bridges/). It is the whole interface they need:
 *
 * - `dispatch(command)` runs any PlayerCommand and answers with the state it left (an error is a
 *   thrown TunesError: its `code` and `message` are what a bridge reports, e.g. as an MPD ACK);
 * - `state()` is the state right now, position exact (MPRIS's Position property);
 * - `subscribe(listener)` delivers every PlayerEvent from then on: `state` (position-only changes
 *   at most once a second), `queue` (songs or order changed: MPD's `playlist` idle), `track`,
 *   `seeked` (MPRIS's Seeked signal), `warning`, `ended`, `error`, `quit`;
 * - `queue()` is the queue with each entry's id; `queueItems()` the same as the playback service
 *   keeps it (who queued each song). Songs are the catalogue's (`Song`, file path included: MPD's
 *   playlistinfo `file:`); only the socket leaves the path out;
 * - `library` is the catalogue for lookups: read-only services (`query`: MPD's find/search/list/lsinfo;
 *   `playlists`: the playlists of the account logged in, none when nobody is).
 */
export interface PlayerHost {
  dispatch(command: PlayerCommand): Promise<HostReply>;
  state(): HostState;
  queue(): HostQueue;
  queueItems(): QueueItem[];
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** `covers`: album and song covers as files (MPRIS's mpris:artUrl). */
  readonly library: {
    catalog: CatalogService; browse: BrowseService; covers: CoverService; query: LibraryQueryService; playlists: AccountPlaylists;
    /** Songs' lyrics (MPRIS's xesam:asText). */
    lyrics: LyricsService;
  };
  /** Tells every subscriber the player is ending (the `quit` event). */
  announceQuit(): void;
}

/** The playlists of the account logged in, read-only (MPD's stored playlists). */
export interface AccountPlaylists {
  /** Empty when nobody is logged in. */
  list(): Promise<PlaylistSummary[]>;
  /** not_logged_in or not_found as TunesErrors. */
  songs(name: string): Promise<Song[]>;
}

export interface PlayerHostDeps extends DispatcherDeps {
  browse: BrowseService;
  covers: CoverService;
  lyrics: LyricsService;
  libraryQuery: LibraryQueryService;
  playlists: Pick<PlaylistService, 'list' | 'songsOf'>;
}

export function createPlayerHost(deps: PlayerHostDeps): PlayerHost {
  const { playback } = deps;
  const dispatch = createPlayerDispatcher(deps);
  const listeners = new Set<(event: HostEvent) => void>();
  const state = () => toHostState(playback.state(), playback.currentSong());
  let published = state();
  let publishedFrom = playback.state();

  const publish = (event: HostEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One subscriber failing (a bridge's bug) must not keep the others from hearing.
      }
    }
  };
  playback.subscribe((event: PlaybackEvent) => {
    switch (event.type) {
      case 'state': {
        // mpv reports the position a dozen times a second; clients show whole seconds.
        if (onlyPositionWithinSecond(publishedFrom, event.state)) return;
        const next = toHostState(event.state, playback.currentSong());
        publishedFrom = event.state;
        if (!differsVisibly(published, next)) return;
        published = next;
        return publish({ type: 'state', state: next });
      }
      case 'queue':
        return publish({ type: 'queue', version: event.version });
      case 'track-start': {
        const song = playback.currentSong();
        return song && publish({ type: 'track', song, index: event.index, length: event.length });
      }
      case 'seeked':
        return publish({ type: 'seeked', position_ms: event.positionMs });
      case 'warning':
        return publish({ type: 'warning', message: event.message });
      case 'ended':
        return publish({ type: 'ended', unplayable: event.unplayable === true });
      case 'error':
        return publish({ type: 'error', error: { code: event.error.code, message: event.error.message } });
      case 'playback-restart':
        return;
    }
  });

  return {
    async dispatch(command) {
      const count = await dispatch(command);
      return count === undefined ? { state: state() } : { state: state(), count };
    },
    state,
    queue: () => {
      const now = playback.state();
      return {
        version: now.queueVersion,
        current_index: now.index,
        entries: playback.entries().map((item) => ({ entry_id: item.key, song: item.song })),
      };
    },
    queueItems: () => playback.entries(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    library: {
      catalog: deps.catalog,
      browse: deps.browse,
      covers: deps.covers,
      lyrics: deps.lyrics,
      query: deps.libraryQuery,
      playlists: {
        async list() {
          const user = await deps.currentUser();
          return user === null ? [] : deps.playlists.list(user);
        },
        songs: async (name) => (await deps.playlists.songsOf(await deps.requireUser(), { kind: 'playlist', ref: name })).songs,
      },
    },
    announceQuit: () => publish({ type: 'quit' }),
  };
}

/** The same state but for a position still in the same whole second (checked before building anything). */
function onlyPositionWithinSecond(a: PlaybackState, b: PlaybackState): boolean {
  return (
    Math.floor(a.positionMs / 1000) === Math.floor(b.positionMs / 1000) &&
    a.status === b.status &&
    a.index === b.index &&
    a.length === b.length &&
    a.song?.id === b.song?.id &&
    a.durationMs === b.durationMs &&
    a.volume === b.volume &&
    a.muted === b.muted &&
    a.shuffle === b.shuffle &&
    a.repeat === b.repeat &&
    a.queueVersion === b.queueVersion &&
    a.error === b.error
  );
}
