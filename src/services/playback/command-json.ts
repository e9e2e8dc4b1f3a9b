import { REPEAT_MODES, type PlayerCommand, type PlayerCommandType, type SongSelection } from '../../domain/player-command.js';
import { TunesError } from '../../errors.js';

/**
 * A PlayerCommand from JSON that came over the socket: every field checked, so a client sending
 * garbage gets an `invalid_input` reply and the player never sees a malformed command.
 */
export function commandFromJson(value: unknown): PlayerCommand {
  const input = record(value, 'command');
  const type = input['type'];
  if (typeof type !== 'string' || !(type in CHECKS)) {
    throw bad(`unknown command type ${JSON.stringify(type)} (known: ${Object.keys(CHECKS).join(', ')})`);
  }
  return CHECKS[type as PlayerCommandType](input);
}

const MAX_IDS = 100_000;

type Check = (input: Record<string, unknown>) => PlayerCommand;

const CHECKS: Record<PlayerCommandType, Check> = {
  play: (c) => ({
    type: 'play',
    selection: selection(c['selection']),
    ...optional('start', c['start'], index),
    ...optional('shuffle', c['shuffle'], bool),
    ...optional('repeat', c['repeat'], repeat),
  }),
  resume: () => ({ type: 'resume' }),
  pause: () => ({ type: 'pause' }),
  toggle: () => ({ type: 'toggle' }),
  stop: () => ({ type: 'stop' }),
  next: () => ({ type: 'next' }),
  previous: () => ({ type: 'previous' }),
  seek: (c) => ({ type: 'seek', seconds: finite(c['seconds'], 'seconds'), mode: mode(c['mode']) }),
  volume: (c) => ({ type: 'volume', value: finite(c['value'], 'value'), mode: mode(c['mode']) }),
  mute: (c) => ({ type: 'mute', ...optional('muted', c['muted'], bool) }),
  shuffle: (c) => ({ type: 'shuffle', ...optional('on', c['on'], bool) }),
  repeat: (c) => ({ type: 'repeat', ...optional('mode', c['mode'], repeat) }),
  'queue-add': (c) => {
    const placement = c['placement'];
    if (placement !== 'next' && placement !== 'end') throw bad('placement must be "next" or "end"');
    return { type: 'queue-add', selection: selection(c['selection']), placement };
  },
  'queue-remove': (c) => {
    const indexes = c['indexes'] === undefined ? undefined : list(c['indexes'], 'indexes', index);
    const entryIds = c['entry_ids'] === undefined ? undefined : list(c['entry_ids'], 'entry_ids', id);
    if ((indexes === undefined) === (entryIds === undefined)) throw bad('queue-remove takes either indexes or entry_ids');
    return indexes ? { type: 'queue-remove', indexes } : { type: 'queue-remove', entry_ids: entryIds! };
  },
  'queue-move': (c) => ({ type: 'queue-move', from: index(c['from'], 'from'), to: index(c['to'], 'to') }),
  'queue-clear': () => ({ type: 'queue-clear' }),
  'queue-play': (c) => {
    if ((c['index'] === undefined) === (c['entry_id'] === undefined)) throw bad('queue-play takes either index or entry_id');
    return c['index'] !== undefined ? { type: 'queue-play', index: index(c['index'], 'index') } : { type: 'queue-play', entry_id: id(c['entry_id'], 'entry_id') };
  },
  quit: () => ({ type: 'quit' }),
};

function selection(value: unknown): SongSelection {
  const input = record(value, 'selection');
  const out: SongSelection = {
    ...optional('song_ids', input['song_ids'], (v, name) => list(v, name, id)),
    ...optional('words', input['words'], text),
    ...optional('playlist', input['playlist'], text),
    ...optional('liked', input['liked'], bool),
    ...optional('artist', input['artist'], text),
    ...optional('album', input['album'], text),
  };
  return out;
}

function optional<K extends string, T>(name: K, value: unknown, check: (value: unknown, name: string) => T): { [P in K]?: T } {
  return value === undefined ? {} : ({ [name]: check(value, name) } as { [P in K]?: T });
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function list<T>(value: unknown, name: string, each: (value: unknown, name: string) => T): T[] {
  if (!Array.isArray(value) || value.length > MAX_IDS) throw bad(`${name} must be a list of at most ${MAX_IDS}`);
  return value.map((v) => each(v, name));
}

function finite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(`${name} must be a number`);
  return value;
}

function index(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad(`${name} must be a whole number from 0`);
  return value;
}

function id(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw bad(`${name} must hold whole numbers from 1`);
  return value;
}

function bool(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw bad(`${name} must be true or false`);
  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length > 10_000) throw bad(`${name} must be text`);
  return value;
}

function mode(value: unknown): 'relative' | 'absolute' {
  if (value !== 'relative' && value !== 'absolute') throw bad('mode must be "relative" or "absolute"');
  return value;
}

function repeat(value: unknown): (typeof REPEAT_MODES)[number] {
  if (typeof value !== 'string' || !(REPEAT_MODES as readonly string[]).includes(value)) throw bad('repeat must be off, all or one');
  return value as (typeof REPEAT_MODES)[number];
}

function bad(message: string): TunesError {
  return new TunesError('invalid_input', message);
}
