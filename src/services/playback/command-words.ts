import { REPEAT_MODES, type PlayerCommand, type RepeatMode } from '../../domain/player-command.js';
import { TunesError } from '../../errors.js';

/**
 * The one parser from words to a PlayerCommand: the CLI's arguments (`seek +10`, `volume -5`,
 * `queue move 3 1`) and the actions in key tables (`right` -> `seek forward`) both come here.
 * Positions in words are 1-based, as people count and as `tunes queue` lists them.
 */
export interface CommandSteps {
  /** Seconds `seek forward` / `seek back` move (the `seek-step` setting). */
  seekStep: number;
  /** Points `volume up` / `volume down` change (the `volume-step` setting). */
  volumeStep: number;
}

export const DEFAULT_STEPS: CommandSteps = { seekStep: 5, volumeStep: 5 };

/** The first words this parser knows, for messages and for telling them from UI actions. */
export const PLAYER_WORDS = [
  'play', 'resume', 'pause', 'toggle', 'stop', 'next', 'prev', 'previous', 'seek', 'volume', 'mute', 'unmute', 'shuffle', 'repeat', 'queue', 'player',
] as const;

export function isPlayerWord(word: string | undefined): boolean {
  return word !== undefined && (PLAYER_WORDS as readonly string[]).includes(word);
}

export function commandFromWords(words: readonly string[], steps: CommandSteps = DEFAULT_STEPS): PlayerCommand {
  const [verb, ...rest] = words;
  const none = (command: PlayerCommand): PlayerCommand => {
    if (rest.length > 0) throw new TunesError('usage', `${verb} takes no arguments (got "${rest.join(' ')}")`);
    return command;
  };
  switch (verb) {
    case 'play':
    case 'resume':
      return none({ type: 'resume' });
    case 'pause':
    case 'toggle':
    case 'stop':
    case 'next':
      return none({ type: verb });
    case 'prev':
    case 'previous':
      return none({ type: 'previous' });
    case 'seek':
      return { type: 'seek', ...seekTarget(only(rest, 'seek', 'a position: +10, -5, 90 or 1:30'), steps) };
    case 'volume':
      return { type: 'volume', ...volumeTarget(only(rest, 'volume', 'a level: 40, +5 or -5'), steps) };
    case 'mute':
      return rest.length === 0 ? { type: 'mute' } : { type: 'mute', muted: onOff(only(rest, 'mute', 'on or off'), 'mute') };
    case 'unmute':
      return none({ type: 'mute', muted: false });
    case 'shuffle':
      return rest.length === 0 ? { type: 'shuffle' } : { type: 'shuffle', on: onOff(only(rest, 'shuffle', 'on or off'), 'shuffle') };
    case 'repeat':
      return rest.length === 0 ? { type: 'repeat' } : { type: 'repeat', mode: repeatMode(only(rest, 'repeat', 'off, all or one')) };
    case 'queue':
      return queueCommand(rest);
    case 'player':
      if (rest.length === 1 && rest[0] === 'quit') return { type: 'quit' };
      throw new TunesError('usage', `unknown player command "player ${rest.join(' ')}" (player quit ends the player)`);
    default:
      throw new TunesError('usage', `unknown player command "${words.join(' ')}" (known: ${PLAYER_WORDS.join(', ')})`);
  }
}

function queueCommand(words: readonly string[]): PlayerCommand {
  const [verb, ...args] = words;
  switch (verb) {
    case 'clear':
      if (args.length > 0) throw new TunesError('usage', 'queue clear takes no arguments');
      return { type: 'queue-clear' };
    case 'play':
      return { type: 'queue-play', index: queuePosition(only(args, 'queue play', 'a queue position')) - 1 };
    case 'remove':
      if (args.length === 0) throw new TunesError('usage', 'queue remove needs one or more queue positions');
      return { type: 'queue-remove', indexes: args.map((a) => queuePosition(a) - 1) };
    case 'move': {
      if (args.length !== 2) throw new TunesError('usage', 'queue move needs two positions: FROM TO');
      return { type: 'queue-move', from: queuePosition(args[0]!) - 1, to: queuePosition(args[1]!) - 1 };
    }
    case 'add': {
      const next = args.includes('--next');
      const ids = args.filter((a) => a !== '--next');
      if (ids.length === 0) throw new TunesError('usage', 'queue add needs one or more song ids');
      return { type: 'queue-add', selection: { song_ids: ids.map(songId) }, placement: next ? 'next' : 'end' };
    }
    default:
      throw new TunesError('usage', `unknown queue command "${words.join(' ')}" (add, remove, move, clear, play)`);
  }
}

function only(args: readonly string[], what: string, wanted: string): string {
  if (args.length !== 1) throw new TunesError('usage', `${what} needs ${wanted}`);
  return args[0]!;
}

function onOff(word: string, what: string): boolean {
  if (word === 'on') return true;
  if (word === 'off') return false;
  throw new TunesError('invalid_input', `${what} takes on or off (got "${word}")`);
}

function repeatMode(word: string): RepeatMode {
  if ((REPEAT_MODES as readonly string[]).includes(word)) return word as RepeatMode;
  throw new TunesError('invalid_input', `repeat takes off, all or one (got "${word}")`);
}

const TIME = /^(\d+)(?::([0-5]?\d))?(?::([0-5]?\d))?(?:\.(\d+))?$/;

/** Seconds from 90, 1:30 or 1:02:03 (and a fraction: 1.5); undefined when it is none of these. */
export function parseClock(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].filter((p): p is string => p !== undefined).map(Number);
  const whole = parts.reduce((total, part) => total * 60 + part, 0);
  return whole + (match[4] ? Number(`0.${match[4]}`) : 0);
}

/** +10 / -5 (relative), 90 / 1:30 (absolute), forward / back (by the seek step). */
export function seekTarget(word: string, steps: CommandSteps = DEFAULT_STEPS): { seconds: number; mode: 'relative' | 'absolute' } {
  if (word === 'forward') return { seconds: steps.seekStep, mode: 'relative' };
  if (word === 'back' || word === 'backward') return { seconds: -steps.seekStep, mode: 'relative' };
  const sign = word.startsWith('+') ? 1 : word.startsWith('-') ? -1 : 0;
  const seconds = parseClock(sign === 0 ? word : word.slice(1));
  if (seconds === undefined) throw new TunesError('invalid_input', `seek takes +10, -5, 90 or 1:30 (got "${word}")`);
  return sign === 0 ? { seconds, mode: 'absolute' } : { seconds: sign * seconds, mode: 'relative' };
}

/** 40 (absolute), +5 / -5 (relative), up / down (by the volume step). */
export function volumeTarget(word: string, steps: CommandSteps = DEFAULT_STEPS): { value: number; mode: 'relative' | 'absolute' } {
  if (word === 'up') return { value: steps.volumeStep, mode: 'relative' };
  if (word === 'down') return { value: -steps.volumeStep, mode: 'relative' };
  const match = /^([+-]?)(\d{1,3})$/.exec(word);
  if (!match) throw new TunesError('invalid_input', `volume takes a level from 0 to 100, or +N / -N (got "${word}")`);
  const value = Number(match[2]);
  if (match[1] === '') {
    if (value > 100) throw new TunesError('invalid_input', `volume takes a level from 0 to 100 (got ${value})`);
    return { value, mode: 'absolute' };
  }
  return { value: match[1] === '-' ? -value : value, mode: 'relative' };
}

function queuePosition(word: string): number {
  if (!/^\d+$/.test(word) || Number(word) < 1) throw new TunesError('invalid_input', `queue positions are whole numbers from 1 (got "${word}")`);
  return Number(word);
}

function songId(word: string): number {
  if (!/^\d+$/.test(word) || Number(word) < 1) throw new TunesError('invalid_input', `song ids are whole numbers from 1 (got "${word}")`);
  return Number(word);
}

/** A short description for the key help: "seek +5 s", "volume -5", "next song". */
export function describeCommand(command: PlayerCommand): string {
  const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
  switch (command.type) {
    case 'play':
      return 'play a selection';
    case 'resume':
      return 'play / resume';
    case 'pause':
      return 'pause';
    case 'toggle':
      return 'pause / resume';
    case 'stop':
      return 'stop (the queue stays)';
    case 'next':
      return 'next song';
    case 'previous':
      return 'previous song (restarts after 3 s)';
    case 'seek':
      return command.mode === 'relative' ? `seek ${command.seconds < 0 ? 'back' : 'forward'} ${Math.abs(command.seconds)} s` : `seek to ${command.seconds} s`;
    case 'volume':
      return command.mode === 'relative' ? `volume ${signed(command.value)}` : `volume ${command.value}`;
    case 'mute':
      return command.muted === undefined ? 'mute / unmute' : command.muted ? 'mute' : 'unmute';
    case 'shuffle':
      return command.on === undefined ? 'shuffle on / off' : `shuffle ${command.on ? 'on' : 'off'}`;
    case 'repeat':
      return command.mode === undefined ? 'repeat: off -> all -> one' : `repeat ${command.mode}`;
    case 'queue-add':
      return command.placement === 'next' ? 'play songs next' : 'add songs to the queue';
    case 'queue-remove':
      return 'remove from the queue';
    case 'queue-move':
      return 'move in the queue';
    case 'queue-clear':
      return 'clear the queue';
    case 'queue-play':
      return 'play from the queue';
    case 'quit':
      return 'end the background player';
  }
}
