import { afterEach } from 'vitest';
import type { Song } from '../../src/domain/song.js';
import { AudioEngine } from '../../src/player/audio-engine.js';
import { resolveMpvBinary } from '../../src/player/mpv-binary.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { systemClock } from '../../src/services/clock.js';
import { createHistoryService } from '../../src/services/history/history-service.js';
import { createPlaybackService, type PlaybackService } from '../../src/services/playback/playback-service.js';
import type { PlaybackEvent, PlaybackState } from '../../src/services/playback/playback-state.js';
import { makeTone, type ToneOptions } from '../fixtures/playback/make-audio.js';
import { seedSongs } from './seed-songs.js';
import { tempDir } from './temp-dir.js';
import { FAST_SCRYPT, testDatabase } from './test-store.js';

const services: PlaybackService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

/** A playback service over a real SQLite file and a real mpv (--ao=null), with an event log. */
export async function playbackHarness({ audioOutput = 'null', extraArgs = [] }: { audioOutput?: string; extraArgs?: string[] } = {}) {
  const store = await testDatabase();
  const dir = tempDir();
  const engine = new AudioEngine({ resolveBinary: () => resolveMpvBinary(), audioOutput, extraArgs });
  const history = createHistoryService({ db: store.db });
  let seed = 99_999;
  const playback = createPlaybackService({ engine, history, clock: systemClock, random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647) });
  services.push(playback);
  const events: PlaybackEvent[] = [];
  const waiters: Array<{ match: (e: PlaybackEvent) => boolean; resolve: (e: PlaybackEvent) => void }> = [];
  playback.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  let n = 0;
  return {
    store,
    dir,
    engine,
    history,
    playback,
    events,
    /** Real audio files in the catalogue: one song row per tone, its path pointing at the file. */
    async songs(specs: Array<Partial<ToneOptions> & { title?: string; artist?: string; path?: string }>): Promise<Song[]> {
      return seedSongs(
        store,
        specs.map(({ title, artist, path, seconds = 1, ...tone }) => {
          n += 1;
          return {
            title: title ?? `Tone ${n}`,
            artist: artist ?? 'Sine Wave',
            duration_ms: Math.round(seconds * 1000),
            path: path ?? makeTone(dir, `tone-${n}`, { seconds, frequency: 220 + 110 * n, ...tone }),
          };
        }),
      );
    },
    async user(name = 'alice') {
      const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: FAST_SCRYPT });
      return (await auth.register(name, 'password one')).user;
    },
    /** The next event (from now on) that matches; the test timeout catches a hang. */
    next<T extends PlaybackEvent['type']>(type: T, match: (e: Extract<PlaybackEvent, { type: T }>) => boolean = () => true) {
      return new Promise<Extract<PlaybackEvent, { type: T }>>((resolve) => {
        waiters.push({
          match: (e) => e.type === type && match(e as Extract<PlaybackEvent, { type: T }>),
          resolve: (e) => resolve(e as Extract<PlaybackEvent, { type: T }>),
        });
      });
    },
    /**
     * The playback state once `match` holds: at once if it already does (the event that made it so may
     * have come before this call, e.g. in the same read as a command's reply), else at the next state event.
     */
    reaches(match: (state: PlaybackState) => boolean): Promise<PlaybackState> {
      const now = playback.state();
      if (match(now)) return Promise.resolve(now);
      return new Promise<PlaybackState>((resolve) => {
        waiters.push({
          match: (e) => e.type === 'state' && match(e.state),
          resolve: (e) => resolve((e as Extract<PlaybackEvent, { type: 'state' }>).state),
        });
      });
    },
    started: () => events.flatMap((e) => (e.type === 'track-start' ? [e.song.title] : [])),
    warnings: () => events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
  };
}
