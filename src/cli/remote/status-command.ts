import type { PlayerState } from '../../domain/player-state.js';
import type { PlayerClient } from '../../remote/player-client.js';
import { terminalSafeJson } from '../../text/terminal-safe.js';
import type { LeanContext } from './lean-context.js';
import { JSON_OPTION, type LeanCommand } from './lean-spec.js';
import { presentState } from './present-state.js';
import { socketAppears } from './socket-appears.js';
import { NO_PLAYER_STATE, compileTemplate, stateDetails, stateLine } from './state-text.js';

export const STATUS_COMMAND: LeanCommand = {
  name: 'status',
  description: 'what the player is doing (stopped when none is running: nothing is started)',
  options: [
    JSON_OPTION,
    { flags: '--format <template>', description: "one line from a template: '{artist} - {title} [{elapsed}/{length}]' (tmux, waybar, polybar)" },
    { flags: '--follow', description: 'print a line (or JSON object) on every change, until interrupted' },
  ],
  async run(context, { options }) {
    const render = renderer(context, options['format'] as string | undefined, options['follow'] === true);
    if (options['follow'] !== true) {
      const player = await context.runningPlayer();
      if (!player && !context.json && options['format'] === undefined) return context.print('stopped');
      return context.print(render(player ? await player.state() : NO_PLAYER_STATE));
    }
    await follow(context, render);
  },
};

/** The text one state prints as (a JSON object with --json, a template's line with --format). */
function renderer(context: LeanContext, format: string | undefined, following: boolean): (state: PlayerState) => string {
  if (context.json) return (state) => terminalSafeJson(presentState(state));
  if (format !== undefined) return compileTemplate(format);
  return following ? stateLine : stateDetails;
}

/**
 * Prints the state, then again whenever what it prints changes, until interrupted. While no player
 * runs it prints stopped and waits for one to appear (watching its folder: no polling).
 */
async function follow(context: LeanContext, render: (state: PlayerState) => string): Promise<void> {
  let last: string | undefined;
  // Only what changes what is printed: a template without {elapsed} prints once per song, not per second.
  const show = (state: PlayerState) => {
    const text = render(state);
    if (text === last) return;
    last = text;
    context.print(text);
  };
  const interrupted = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
    context.stdout.once('error', () => resolve());
  });
  let stop = false;
  void interrupted.then(() => (stop = true));
  while (!stop) {
    const player = await context.runningPlayer();
    if (player) {
      await followPlayer(player, show, interrupted);
      if (stop) break;
    }
    show(NO_PLAYER_STATE);
    await Promise.race([interrupted, socketAppears(context.paths.runtimeDir)]);
  }
}

function followPlayer(player: PlayerClient, show: (state: PlayerState) => void, interrupted: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    player.onClose(resolve);
    void interrupted.then(resolve);
    player.subscribe((event) => event.type === 'state' && show(event.state)).then(show, resolve);
  });
}
