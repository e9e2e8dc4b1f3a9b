import { api, coverOfSong, type Song } from './api.js';
import * as q from './queue.js';
import { createStore } from './store.js';

export interface Transport {
  playing: boolean;
  position_ms: number;
  duration_ms: number | null;
  volume: number;
  muted: boolean;
}

export const queue = createStore<q.QueueState>(q.emptyQueue);
export const transport = createStore<Transport>({ playing: false, position_ms: 0, duration_ms: null, volume: Number(localStorage.getItem('tunes.volume') ?? 1), muted: false });

/** A play counts at 30 s or half the song, whichever is less (the CLI's listen tracker's rule). */
export function listenThresholdMs(durationMs: number | null): number {
  if (!durationMs || durationMs <= 0) return 30_000;
  return Math.min(30_000, Math.floor(durationMs / 2));
}

/**
 * Two <audio> elements: one plays, the other loads the next song, so an album flows on with no
 * gap for the network (the browser decides the rest). They swap roles at each track change.
 */
const elements = [new Audio(), new Audio()];
for (const element of elements) element.preload = 'auto';
let active = 0;
const current = () => elements[active]!;
const standby = () => elements[1 - active]!;

interface Listen {
  key: number;
  songId: number;
  startedAt: string;
  heardMs: number;
  lastTime: number;
  sent: boolean;
}
let listen: Listen | undefined;

function entryPlaying(): q.QueueEntry | undefined {
  const state = queue.get();
  return state.entries[state.index];
}

function applyVolume(): void {
  const { volume, muted } = transport.get();
  for (const element of elements) {
    element.volume = volume;
    element.muted = muted;
  }
}

/** Stream links expire (an hour, or twice the song): a queue kept longer asks for a new one. */
async function freshUrl(song: Song, renew = false): Promise<string | null> {
  if (song.stream_url && !renew) return song.stream_url;
  const url = (await api<Song>('GET', `/api/songs/${song.id}`)).stream_url;
  song.stream_url = url;
  return url;
}

const renewed = new Set<number>();

async function renewAfterError(element: HTMLAudioElement): Promise<void> {
  const entry = entryPlaying();
  if (element !== current() || !entry || String(entry.key) !== element.dataset.key || renewed.has(entry.key)) return;
  renewed.add(entry.key);
  const url = await freshUrl(entry.song, true).catch(() => null);
  if (!url) return;
  const at = element.currentTime;
  element.src = url;
  element.currentTime = at;
  await element.play().catch(() => undefined);
}

/** Starts the queue's entry `index` (from the preloaded element when it holds that song). */
async function start(index: number, autoplay = true): Promise<void> {
  queue.set((state) => ({ ...state, index }));
  const entry = entryPlaying();
  if (!entry) return stop();
  const url = await freshUrl(entry.song);
  if (!url) return;
  const old = current();
  if (standby().dataset.key === String(entry.key) && standby().src === url) {
    active = 1 - active;
  } else {
    current().src = url;
    current().dataset.key = String(entry.key);
  }
  if (old !== current()) {
    old.pause();
  }
  current().currentTime = 0;
  listen = { key: entry.key, songId: entry.song.id, startedAt: new Date().toISOString(), heardMs: 0, lastTime: 0, sent: false };
  transport.set((t) => ({ ...t, position_ms: 0, duration_ms: entry.song.duration_ms }));
  describeForMediaSession(entry.song);
  if (autoplay) await current().play().catch(() => transport.set((t) => ({ ...t, playing: false })));
  preloadNext();
}

function preloadNext(): void {
  const state = queue.get();
  const next = state.entries[q.step(state, 1, false)];
  const spare = standby();
  if (!next || next.key === entryPlaying()?.key || !next.song.stream_url) return;
  if (spare.dataset.key === String(next.key)) return;
  spare.src = next.song.stream_url;
  spare.dataset.key = String(next.key);
  spare.load();
}

function stop(): void {
  for (const element of elements) element.pause();
  transport.set((t) => ({ ...t, playing: false, position_ms: 0 }));
}

function onTimeUpdate(element: HTMLAudioElement): void {
  if (element !== current()) return;
  const time = element.currentTime;
  transport.set((t) => ({ ...t, position_ms: time * 1000, duration_ms: Number.isFinite(element.duration) ? element.duration * 1000 : t.duration_ms }));
  if (!listen || listen.key !== Number(element.dataset.key)) return;
  const delta = time - listen.lastTime;
  // Only time heard counts: a seek jumps further than a tick.
  if (delta > 0 && delta < 2) listen.heardMs += delta * 1000;
  listen.lastTime = time;
  const entry = entryPlaying();
  if (!listen.sent && entry && listen.heardMs >= listenThresholdMs(entry.song.duration_ms)) {
    listen.sent = true;
    void api('POST', '/api/me/history', { song_id: listen.songId, ms_played: Math.round(listen.heardMs), started_at: listen.startedAt }).catch(() => {
      if (listen) listen.sent = false;
    });
  }
  if ('mediaSession' in navigator && Number.isFinite(element.duration)) {
    navigator.mediaSession.setPositionState?.({ duration: element.duration, position: Math.min(time, element.duration), playbackRate: 1 });
  }
}

for (const element of elements) {
  element.addEventListener('timeupdate', () => onTimeUpdate(element));
  element.addEventListener('play', () => element === current() && transport.set((t) => ({ ...t, playing: true })));
  element.addEventListener('pause', () => element === current() && transport.set((t) => ({ ...t, playing: false })));
  element.addEventListener('error', () => void renewAfterError(element));
  element.addEventListener('ended', () => {
    if (element !== current()) return;
    const next = q.step(queue.get(), 1, false);
    if (next < 0) stop();
    else void start(next);
  });
}
applyVolume();

/** The queue outlives a reload (this browser only; logging out clears it), paused where it was. */
const SAVED_QUEUE = 'tunes.queue';
queue.subscribe((state) => {
  const saved = { songs: state.entries.map((entry) => entry.song), index: state.index, shuffle: state.shuffle, repeat: state.repeat };
  try {
    localStorage.setItem(SAVED_QUEUE, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the queue just does not survive a reload.
  }
});

function restoreQueue(): void {
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED_QUEUE) ?? 'null') as { songs: Song[]; index: number; shuffle: boolean; repeat: q.Repeat } | null;
    if (!saved || !Array.isArray(saved.songs) || saved.songs.length === 0) return;
    queue.set({ ...q.emptyQueue, entries: q.entriesOf(saved.songs), index: -1, shuffle: saved.shuffle === true, repeat: saved.repeat ?? 'off' });
    void start(Math.min(Math.max(0, saved.index), saved.songs.length - 1), false);
  } catch {
    localStorage.removeItem(SAVED_QUEUE);
  }
}

export const player = {
  restoreQueue,
  elements,
  playSongs(songs: readonly Song[], startAt = 0): void {
    queue.set((state) => q.replaceWith(state, songs, startAt));
    void start(queue.get().index);
  },
  addToQueue(songs: readonly Song[]): void {
    const wasEmpty = queue.get().entries.length === 0;
    queue.set((state) => q.append(state, songs));
    if (wasEmpty) void start(0);
    else preloadNext();
  },
  playNext(songs: readonly Song[]): void {
    if (queue.get().entries.length === 0) return player.playSongs(songs);
    queue.set((state) => q.insertNext(state, songs));
    preloadNext();
  },
  playAt(index: number): void {
    void start(index);
  },
  remove(key: number): void {
    const playingKey = entryPlaying()?.key;
    queue.set((state) => q.remove(state, key));
    if (key === playingKey) {
      const { index, entries } = queue.get();
      if (entries.length === 0) stop();
      else void start(index, transport.get().playing);
    } else preloadNext();
  },
  move(from: number, to: number): void {
    queue.set((state) => q.move(state, from, to));
    preloadNext();
  },
  clear(): void {
    stop();
    queue.set((state) => ({ ...q.emptyQueue, shuffle: state.shuffle, repeat: state.repeat }));
  },
  toggle(): void {
    if (queue.get().index < 0) return;
    if (current().paused) void current().play();
    else current().pause();
  },
  next(): void {
    const next = q.step(queue.get(), 1, true);
    if (next >= 0) void start(next);
    else stop();
  },
  previous(): void {
    // Like most players: back to this song's start after 3 s, else the song before.
    if (current().currentTime > 3) return player.seek(0);
    const previous = q.step(queue.get(), -1, true);
    if (previous >= 0) void start(previous);
  },
  seek(ms: number): void {
    const element = current();
    element.currentTime = Math.max(0, ms / 1000);
    if (listen) listen.lastTime = element.currentTime;
  },
  seekBy(ms: number): void {
    player.seek(current().currentTime * 1000 + ms);
  },
  setVolume(volume: number): void {
    const clamped = Math.min(1, Math.max(0, volume));
    localStorage.setItem('tunes.volume', String(clamped));
    transport.set((t) => ({ ...t, volume: clamped, muted: false }));
    applyVolume();
  },
  toggleMute(): void {
    transport.set((t) => ({ ...t, muted: !t.muted }));
    applyVolume();
  },
  toggleShuffle(): void {
    queue.set(q.toggleShuffle);
    preloadNext();
  },
  cycleRepeat(): void {
    queue.set((state) => ({ ...state, repeat: q.nextRepeat(state.repeat) }));
    preloadNext();
  },
};

function describeForMediaSession(song: Song): void {
  if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
  const origin = window.location.origin;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: song.title,
    artist: song.artist ?? '',
    album: song.album ?? '',
    artwork: [96, 256, 512].map((size) => ({ src: `${origin}${coverOfSong(song.id, size)}`, sizes: `${size}x${size}` })),
  });
}

if ('mediaSession' in navigator) {
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', () => player.toggle()],
    ['pause', () => player.toggle()],
    ['nexttrack', () => player.next()],
    ['previoustrack', () => player.previous()],
    ['seekto', (details) => details.seekTime !== undefined && player.seek(details.seekTime * 1000)],
    ['seekbackward', (details) => player.seekBy(-(details.seekOffset ?? 10) * 1000)],
    ['seekforward', (details) => player.seekBy((details.seekOffset ?? 10) * 1000)],
  ];
  for (const [action, handler] of handlers) {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // This browser does not know the action.
    }
  }
}
