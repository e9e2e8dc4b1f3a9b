import { TunesError } from '../../errors.js';
import type { RowSource } from './row-source.js';
import { idlePlayerStatus, type UiPlayer } from '../ports.js';

/**
 * Stand-ins for services not merged into this branch yet: every call fails with a clear message, so the
 * UI shows "… is not available yet" instead of crashing. Each is replaced in connect-services.ts as the
 * real service lands; nothing here fakes data.
 */
const unavailable = (what: string) => new TunesError('internal', `${what} is not available in this build yet`);

function unavailableSource<Row>(what: string): RowSource<Row> {
  return {
    key: `unavailable:${what}`,
    count: () => Promise.reject(unavailable(what)),
    rows: () => Promise.reject(unavailable(what)),
  };
}

const reject = (what: string) => () => Promise.reject(unavailable(what));

export const pendingPlayer: UiPlayer = {
  playList: reject('playback'),
  togglePause: reject('playback'),
  next: reject('playback'),
  previous: reject('playback'),
  seekBy: reject('playback'),
  changeVolume: reject('playback'),
  toggleShuffle: reject('playback'),
  cycleRepeat: reject('playback'),
  status: () => idlePlayerStatus,
  subscribe: () => () => undefined,
  queue: () => unavailableSource('the queue'),
  removeFromQueue: reject('the queue'),
  moveInQueue: reject('the queue'),
  history: () => unavailableSource('history'),
};
