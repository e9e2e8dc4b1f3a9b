import type { PlayerState } from '../../domain/player-state.js';
import { TunesError } from '../../errors.js';
import { elapsedClock, lengthClock } from '../../text/clock-time.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { STOPPED_STATE } from '../../remote/stopped-state.js';

/** What `tunes status` says when no player is running: stopped, nothing queued. */
export const NO_PLAYER_STATE = STOPPED_STATE;

const elapsed = (ms: number | null) => elapsedClock(ms);
const length = (ms: number | null) => lengthClock(ms);

/** "Sunrise Band - Morning", made safe for a terminal. */
export function songText(state: PlayerState): string {
  return state.song ? terminalSafe(`${state.song.artist} - ${state.song.title}`) : '';
}

/** One line: "playing: Sunrise Band - Morning (2/10)"; "stopped" with nothing queued. */
export function stateLine(state: PlayerState): string {
  if (!state.song) return state.status;
  const place = state.queue_length > 0 && state.queue_index >= 0 ? ` (${state.queue_index + 1}/${state.queue_length})` : '';
  return `${state.status}: ${songText(state)}${place}`;
}

/** `tunes status`: the song, where it is, the modes, and a problem when there is one. */
export function stateDetails(state: PlayerState): string {
  const modes = `volume ${state.muted ? 'muted' : `${state.volume}%`}  shuffle ${state.shuffle ? 'on' : 'off'}  repeat ${state.repeat}`;
  const lines = state.song
    ? [
        `${state.status}: ${songText(state)}${state.song.album ? ` (${terminalSafe(state.song.album)})` : ''}`,
        `  ${elapsed(state.position_ms)} / ${length(state.duration_ms)}  song ${state.queue_index + 1} of ${state.queue_length}  ${modes}`,
      ]
    : [state.status, `  ${state.queue_length === 0 ? 'queue empty' : `${state.queue_length} songs queued`}  ${modes}`];
  if (state.problem) lines.push(`  problem: ${terminalSafe(state.problem)}`);
  return lines.join('\n');
}

/** The fields `--format` knows, each from the state (empty when nothing is current). */
const FIELDS: Record<string, (state: PlayerState) => string> = {
  state: (s) => s.status,
  title: (s) => s.song?.title ?? '',
  artist: (s) => s.song?.artist ?? '',
  album: (s) => s.song?.album ?? '',
  album_artist: (s) => s.song?.album_artist ?? '',
  genre: (s) => s.song?.genre ?? '',
  year: (s) => (s.song?.year == null ? '' : String(s.song.year)),
  track: (s) => (s.song?.track_no == null ? '' : String(s.song.track_no)),
  id: (s) => (s.song ? String(s.song.id) : ''),
  // As cmus-remote -Q's `file` and mpc's %file%: for scripts that show a cover or open the folder.
  path: (s) => s.song?.path ?? '',
  elapsed: (s) => (s.song ? elapsed(s.position_ms) : ''),
  length: (s) => (s.song ? length(s.duration_ms) : ''),
  remaining: (s) => (s.song && s.duration_ms !== null ? elapsed(Math.max(0, s.duration_ms - s.position_ms)) : ''),
  percent: (s) => (s.song && s.duration_ms ? String(Math.min(100, Math.floor((s.position_ms / s.duration_ms) * 100))) : ''),
  volume: (s) => String(s.volume),
  muted: (s) => (s.muted ? 'muted' : ''),
  shuffle: (s) => (s.shuffle ? 'on' : 'off'),
  repeat: (s) => s.repeat,
  position: (s) => (s.queue_index >= 0 ? String(s.queue_index + 1) : ''),
  queue_length: (s) => String(s.queue_length),
};

export const FORMAT_FIELDS = Object.keys(FIELDS);

/** Checks a `--format` template once (unknown fields are exit 2) and returns its renderer. */
export function compileTemplate(template: string): (state: PlayerState) => string {
  const parts = template.split(/(\{[^{}]*\})/);
  for (const part of parts) {
    if (part.startsWith('{') && part.endsWith('}') && !(part.slice(1, -1) in FIELDS)) {
      throw new TunesError('usage', `unknown field ${part} in --format (fields: ${FORMAT_FIELDS.map((f) => `{${f}}`).join(' ')})`);
    }
  }
  return (state) =>
    parts.map((part) => (part.startsWith('{') && part.endsWith('}') ? terminalSafe(FIELDS[part.slice(1, -1)]!(state)) : part)).join('');
}
