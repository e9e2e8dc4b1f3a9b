import type { PlayerCommand } from '../../domain/player-command.js';
import type { PlayerState } from '../../domain/player-state.js';
import { isTunesError, TunesError } from '../../errors.js';
import { commandFromWords } from '../../services/playback/command-words.js';
import type { LeanContext } from './lean-context.js';
import { JSON_OPTION, type LeanCommand } from './lean-spec.js';
import { presentState } from './present-state.js';
import { NO_PLAYER_STATE, stateLine } from './state-text.js';

/** Sends one command; prints the state it left (a line, or the state as JSON). */
export async function sendCommand(context: LeanContext, command: PlayerCommand, { startPlayer = true } = {}): Promise<void> {
  const player = startPlayer ? await context.player() : await context.runningPlayer();
  if (!player) return showState(context, NO_PLAYER_STATE);
  try {
    const { state } = await player.dispatch(command);
    showState(context, state);
  } catch (error) {
    throw withHint(error);
  }
}

export function showState(context: LeanContext, state: PlayerState): void {
  if (context.json) context.printJson(presentState(state));
  else context.print(stateLine(state));
}

/** The player says what is wrong; the CLI adds how to fix it here. */
function withHint(error: unknown): unknown {
  if (isTunesError(error) && error.code === 'not_found' && error.message === 'the queue is empty') {
    return new TunesError(error.code, error.message, 'add songs with `tunes queue add` or `tunes play`');
  }
  return error;
}

/** A command whose arguments are the parser's words: `tunes seek +10` is the command "seek +10". */
function wordsCommand(name: string, description: string, args = '', startPlayer = true): LeanCommand {
  return {
    name,
    description,
    args,
    options: [JSON_OPTION],
    // Steps (seek forward, volume up) come from the settings, read only for the words that use them.
    run: (context, { args: words }) =>
      sendCommand(context, commandFromWords([name, ...words], usesSteps(words) ? context.settings() : undefined), { startPlayer }),
  };
}

const usesSteps = (words: string[]) => words.some((w) => ['forward', 'back', 'backward', 'up', 'down'].includes(w));

export const CONTROL_COMMANDS: LeanCommand[] = [
  // Pausing or stopping a player that is not running has nothing to do: it is not started for it.
  wordsCommand('pause', 'pause the music', '', false),
  wordsCommand('resume', 'play: unpause, or carry on from the saved queue (starts the player)'),
  wordsCommand('toggle', 'pause or resume'),
  wordsCommand('next', 'skip to the next song'),
  wordsCommand('prev', 'back to the previous song (or the start of this one after 3 s)'),
  wordsCommand('stop', 'stop playing (the queue stays)', '', false),
  wordsCommand('seek', 'jump within the song: +10 / -5 (seconds from here), 90 or 1:30 (from the start)', '<position>'),
  {
    name: 'volume',
    description: 'show the volume, or set it: 40, +5, -5',
    args: '[level]',
    options: [JSON_OPTION],
    async run(context, { args }) {
      if (args.length === 0) {
        const player = await context.runningPlayer();
        const state = player ? await player.state() : NO_PLAYER_STATE;
        if (context.json) context.printJson({ volume: state.volume, muted: state.muted });
        else context.print(`volume ${state.volume}%${state.muted ? ' (muted)' : ''}`);
        return;
      }
      const { state } = await (await context.player()).dispatch(commandFromWords(['volume', ...args], usesSteps(args) ? context.settings() : undefined));
      if (context.json) context.printJson({ volume: state.volume, muted: state.muted });
      else context.print(`volume ${state.volume}%${state.muted ? ' (muted)' : ''}`);
    },
  },
  {
    name: 'shuffle',
    description: 'shuffle on or off (no argument: switch)',
    args: '[on|off]',
    options: [JSON_OPTION],
    async run(context, { args }) {
      const { state } = await (await context.player()).dispatch(commandFromWords(['shuffle', ...args]));
      if (context.json) context.printJson({ shuffle: state.shuffle });
      else context.print(`shuffle ${state.shuffle ? 'on' : 'off'}`);
    },
  },
  {
    name: 'repeat',
    description: 'repeat off, all (the queue) or one (the song); no argument: the next of these',
    args: '[off|all|one]',
    options: [JSON_OPTION],
    async run(context, { args }) {
      const { state } = await (await context.player()).dispatch(commandFromWords(['repeat', ...args]));
      if (context.json) context.printJson({ repeat: state.repeat });
      else context.print(`repeat ${state.repeat}`);
    },
  },
];
