import { parse } from 'shell-quote';
import { TunesError } from '../errors.js';

/**
 * Options tunes itself sets or depends on to drive mpv: a user's `mpv-options` may not change them.
 * Each maps to why, which becomes the error's message.
 */
const RESERVED: Record<string, string> = {
  'input-ipc-server': 'tunes talks to mpv over its own IPC connection',
  'input-ipc-client': 'tunes talks to mpv over its own IPC connection',
  idle: 'tunes keeps mpv idle between songs',
  'player-operation-mode': 'tunes keeps mpv idle between songs',
  config: 'tunes starts mpv without your mpv.conf, so a setting there cannot break it',
  'config-dir': 'tunes starts mpv without your mpv.conf, so a setting there cannot break it',
  include: 'tunes starts mpv without your mpv.conf, so a setting there cannot break it',
  'use-filedir-conf': 'tunes starts mpv without your mpv.conf, so a setting there cannot break it',
  terminal: 'mpv has no terminal under tunes',
  'input-terminal': 'mpv has no terminal under tunes',
  video: 'tunes plays audio only',
  vid: 'tunes plays audio only',
  'force-window': 'tunes plays audio only',
  'keep-open': 'tunes needs to hear when a song ends',
  loop: 'tunes runs the queue (use repeat)',
  'loop-file': 'tunes runs the queue (use repeat)',
  'loop-playlist': 'tunes runs the queue (use repeat)',
  shuffle: 'tunes runs the queue (use shuffle)',
  playlist: 'tunes runs the queue',
  'playlist-start': 'tunes runs the queue',
  start: 'tunes decides where a song starts',
  end: 'tunes decides where a song ends',
  length: 'tunes decides where a song ends',
  pause: 'tunes keeps the pause state',
  volume: 'tunes keeps the volume (+/- and its saved level)',
  mute: 'tunes keeps the mute state',
  'audio-device': 'use the audio-device setting',
  replaygain: 'use the replaygain setting',
};

/** mpv's list-option suffixes (`--af-add=...`) name the same option. */
const LIST_SUFFIX = /-(add|append|set|pre|clr|remove|del|toggle)$/;

export interface MpvUserOption {
  /** The option's name without dashes, `no-` or a list suffix: what mpv's option list calls it. */
  name: string;
  /** The name as written (after `--`). */
  written: string;
  /** The argument as mpv gets it. */
  arg: string;
}

/**
 * Parses the `mpv-options` setting: a line of flags split like a POSIX shell would (quotes and
 * backslashes) but never run by one, so `;`, `|`, `>` or `$(...)` mean nothing and are refused.
 * Every word must be an option (`--name` or `--name=value`); reserved ones are refused with why.
 */
export function parseMpvOptions(text: string): MpvUserOption[] {
  if (text.includes('\0')) throw invalid('contains a NUL character');
  const words = parse(text, (variable) => `$${variable}`);
  return words.map((word) => {
    if (typeof word !== 'string') {
      const what = 'op' in word ? (word.op === 'glob' ? word.pattern : word.op) : '#';
      throw invalid(`"${what}" is shell syntax; mpv-options are passed to mpv as they are, without a shell`);
    }
    const match = /^--([a-z0-9][a-z0-9-]*)(=[\s\S]*)?$/.exec(word);
    if (!match) throw invalid(`"${word}" is not an mpv option (write --name or --name=value)`);
    const written = match[1]!;
    const name = written.replace(/^no-/, '').replace(LIST_SUFFIX, '');
    const reason = RESERVED[name] ?? RESERVED[written];
    if (reason) throw invalid(`--${name} cannot be set here: ${reason}`);
    return { name, written, arg: word };
  });
}

/** The names a parsed line uses that are not in `known` (mpv's own option list). */
export function unknownMpvOptions(options: readonly MpvUserOption[], known: ReadonlySet<string>): string[] {
  return options.filter((o) => !known.has(o.name) && !known.has(o.written)).map((o) => `--${o.written}`);
}

function invalid(why: string): TunesError {
  return new TunesError('invalid_input', `mpv-options: ${why}`);
}
