import type { User } from '../../domain/user.js';
import type { Services } from '../../services/container.js';
import type { PlaybackState } from '../../services/playback/playback-state.js';
import { type HistoryItem, type PlayerStatus, type SongItem, type UiPlayer } from '../ports.js';
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

function toStatus(state: PlaybackState): PlayerStatus {
  return {
    song: state.song ?? undefined,
    positionMs: state.positionMs,
    durationMs: state.durationMs,
    paused: state.status !== 'playing' && state.status !== 'loading',
    stopped: state.status === 'stopped' || state.status === 'ended',
    volume: state.volume,
    muted: state.muted,
    shuffle: state.shuffle,
    repeat: state.repeat,
    ...(state.error ? { problem: state.error } : {}),
  };
}

/** The playback service as the UI uses it; history is recorded for `user`. */
export function playerBridge(services: Services, user: User): UiPlayer {
  const { playback, catalog, history } = services;
  playback.setListener(user.id);
  // From the service's state, so the saved volume shows before anything plays.
  let status: PlayerStatus = toStatus(playback.state());
  let queueKey = 0;
  const listeners = new Set<() => void>();
  const warningListeners = new Set<(message: string) => void>();
  playback.subscribe((event) => {
    if (event.type === 'warning') for (const listener of warningListeners) listener(event.message);
    if (event.type !== 'state') {
      if (event.type === 'track-start') queueKey += 1;
      return;
    }
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
      const songs = await catalog.getSongs(ids);
      // getSongs skips ids that vanished meanwhile; start at the chosen song wherever it landed.
      const chosen = ids[start];
      const at = Math.max(0, songs.findIndex((s) => s.id === chosen));
      await playback.play(songs, { start: at });
    },
    togglePause: () => playback.togglePause(),
    next: () => playback.next(),
    previous: () => playback.previous(),
    seekBy: (seconds) => playback.seek(seconds, 'relative'),
    changeVolume: (delta) => playback.changeVolume(delta),
    toggleMute: () => playback.toggleMute(),
    toggleShuffle: () => playback.setShuffle(!playback.state().shuffle),
    cycleRepeat: () => playback.cycleRepeat(),
    status: () => status,
    onWarning(listener) {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    queue: () => arraySource(`queue#${queueKey}#${(sources += 1)}`, async () => playback.queue()),
    jumpInQueue: (index) => playback.jump(index),
    removeFromQueue: (index) => playback.remove(index),
    moveInQueue: (from, to) => playback.move(from, to),
    history: (): RowSource<HistoryItem> =>
      arraySource(`history#${(sources += 1)}`, async () =>
        (await history.recent(user.id, { limit: HISTORY_LIMIT })).map((play) => ({ ...toSongItem(play.song), playedAt: play.started_at })),
      ),
  };
}
