import { TunesError } from '../../errors.js';
import type { PlaybackCore } from './playback-core.js';
import { endedShort, serverGoneMessage } from './stream-source.js';

/**
 * A streamed song that ended short of its length, or would not open, while its server does not
 * answer: the server went away. mpv played what it had buffered; the player stops there with a
 * status saying so, keeps the queue, and resumes at that point; the cut-off listen is not counted.
 * False (nothing done) for every other end, which then goes on as usual.
 */
export async function stoppedByServerGone(core: PlaybackCore, key: number, reason: string, neverStarted: boolean): Promise<boolean> {
  const { streams } = core;
  const song = core.songOf(core.queue.current);
  if (!streams || !song || core.queue.current?.key !== key || !streams.streams(song.path)) return false;
  if (reason !== 'error' && !(reason === 'eof' && endedShort(core.positionMs, core.durationMs))) return false;
  const why = await streams.unreachable();
  if (why === undefined) return false;
  // Still waiting for its first playback-restart, it never played (mpv may call that an eof too).
  const positionMs = reason === 'error' || neverStarted ? 0 : core.positionMs;
  core.listens.suspend();
  core.playingEntry = undefined;
  core.forgetPreload();
  // mpv may have moved on to the next entry already: nothing it reports for it counts now.
  core.entryKeys.clear();
  await core.engine.stop();
  core.status = 'stopped';
  core.positionMs = positionMs;
  core.resumeAt = { key, seconds: positionMs / 1000 };
  core.error = serverGoneMessage(streams.name, why, song.title, positionMs, core.durationMs);
  core.emit({ type: 'error', error: new TunesError('io', core.error) });
  core.emitState();
  return true;
}
