import { elapsedClock, lengthClock } from '../../text/clock-time.js';

/**
 * Where a remote library's songs stream from, for the player to tell a server that went away from a
 * song that ended: mpv calls a stream that stops short a normal end of file, and a song it cannot
 * open on a dead server one more unplayable file.
 */
export interface StreamSource {
  /** Names the server in messages. */
  name: string;
  /** Whether the song at this path streams from the server (rather than being a local file). */
  streams(path: string): boolean;
  /** Why the server cannot be reached now ("connection refused"), or undefined when it answers. */
  unreachable(): Promise<string | undefined>;
}

/**
 * Whether a song that reached its end of file stopped short of its length: more than a few seconds
 * (or 2 %) before it, beyond what mpv's last position update and a length estimate can be off by.
 */
export function endedShort(positionMs: number, durationMs: number | null): boolean {
  if (durationMs === null || durationMs <= 0) return false;
  return durationMs - positionMs > Math.max(3000, durationMs * 0.02);
}

/** The status line of a player stopped by a server gone away: where it stopped, and how to go on. */
export function serverGoneMessage(server: string, why: string, title: string, positionMs: number, durationMs: number | null): string {
  const where = positionMs > 0 ? `at ${elapsedClock(positionMs)} of ${lengthClock(durationMs)} into "${title}"` : `before "${title}"`;
  return `the server ${server} went away (${why}): stopped ${where}; the queue is kept (tunes resume plays on once the server is back)`;
}
