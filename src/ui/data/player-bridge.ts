import type { User } from '../../domain/user.js';
import type { PlayerState } from '../../domain/player-state.js';
import type { PlayerLink } from '../../remote/player-link.js';
import type { Services } from '../../services/container.js';
import { type HistoryItem, type PlayerStatus, type SongItem, type UiPlayer } from '../ports.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { arraySource } from './array-source.js';
import { toSongItem } from './song-item.js';
import { PAGE_SIZE, type RowSource } from './row-source.js';

/**
 * How much of a list Enter queues. Albums, playlists and search results fit whole; for the whole
 * library (a million songs) the queue is this many songs around the chosen one, so starting a
 * song never reads the entire catalogue.
 */
export const QUEUE_LIMIT = 2000;
const QUEUE_BEFORE = 200;
const HISTORY_LIMIT = 500;

let sources = 0;

export function toStatus(state: PlayerState): PlayerStatus {
  const { song } = state;
  return {
    song: song ? { id: song.id, title: song.title, artist: song.artist, album: song.album, durationMs: song.duration_ms } : undefined,
    positionMs: state.position_ms,
    durationMs: state.duration_ms,
    paused: state.status !== 'playing',
    stopped: state.status === 'stopped',
    volume: state.volume,
    muted: state.muted,
    shuffle: state.shuffle,
    repeat: state.repeat,
    queueVersion: state.queue_version,
    queueIndex: state.queue_index,
    ...(state.problem ? { problem: state.problem } : {}),
  };
}

/** The background player, through its socket, as the UI uses it; history is read for `user`. */
export function playerBridge(link: PlayerLink, services: Pick<Services, 'history'>, user: User): UiPlayer {
  let status: PlayerStatus = toStatus(link.state);
  const listeners = new Set<() => void>();
  const warningListeners = new Set<(message: string) => void>();
  link.onEvent((event) => {
    // The player's words may hold a song's title: outside text, made safe for the terminal.
    if (event.type === 'warning') for (const listener of warningListeners) listener(terminalSafe(event.message));
    if (event.type === 'error') for (const listener of warningListeners) listener(terminalSafe(event.error.message));
    if (event.type !== 'state') return;
    // useSyncExternalStore wants a new object only when something changed.
    status = toStatus(event.state);
    for (const listener of listeners) listener();
  });

  async function songsAround(source: RowSource<SongItem>, index: number): Promise<{ ids: number[]; start: number }> {
    const count = await source.count();
    const from = count !== undefined && count > QUEUE_LIMIT ? Math.max(0, index - QUEUE_BEFORE) : 0;
    const firstPage = Math.floor(from / PAGE_SIZE);
    const items: SongItem[] = [];
    for (let page = firstPage; items.length < QUEUE_LIMIT; page += 1) {
      const rows = await source.rows(page * PAGE_SIZE, PAGE_SIZE);
      items.push(...rows);
      if (rows.length < PAGE_SIZE) break;
    }
    return { ids: items.map((s) => s.id), start: index - firstPage * PAGE_SIZE };
  }

  return {
    async playList(source, index) {
      const { ids, start } = await songsAround(source, index);
      await link.dispatch({ type: 'play', selection: { song_ids: ids }, start: Math.max(0, Math.min(start, ids.length - 1)) });
    },
    dispatch: async (command) => void (await link.dispatch(command)),
    enqueue: async (songIds, placement) => (await link.dispatch({ type: 'queue-add', selection: { song_ids: songIds }, placement })).count ?? 0,
    status: () => status,
    onWarning(listener) {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    queue: () =>
      arraySource(`queue#${(sources += 1)}`, async () =>
        (await link.queue()).entries.map(({ song }) => ({ id: song.id, title: song.title, artist: song.artist, album: song.album, durationMs: song.duration_ms })),
      ),
    jumpInQueue: async (index) => void (await link.dispatch({ type: 'queue-play', index })),
    removeFromQueue: async (index) => void (await link.dispatch({ type: 'queue-remove', indexes: [index] })),
    moveInQueue: async (from, to) => void (await link.dispatch({ type: 'queue-move', from, to })),
    clearQueue: async () => (await link.dispatch({ type: 'queue-clear' })).count ?? 0,
    history: (): RowSource<HistoryItem> =>
      arraySource(`history#${(sources += 1)}`, async () =>
        (await services.history.recent(user.id, { limit: HISTORY_LIMIT })).map((play) => ({ ...toSongItem(play.song), playedAt: play.started_at })),
      ),
  };
}
