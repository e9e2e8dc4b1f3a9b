import type { CommandReply, PlayerState } from '../../domain/player-state.js';
import type { PlayerClient } from '../../remote/player-client.js';
import type { KeyTable } from '../../services/keys/key-table.js';
import { readlineKeyName } from '../../services/keys/key-names.js';
import { keyHelpLines } from './key-help.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { formatStatusLine } from './status-line.js';
import { openTerminalSession } from './terminal-session.js';

export interface TerminalPlayOutcome {
  started: number;
  unplayable: boolean;
  /** Left with the detach key: the music plays on. */
  detached: boolean;
  state: PlayerState | undefined;
}

/**
 * `tunes play` on a terminal: a live status line and single-key controls (from the key table in
 * force) until quit (which stops the music), detach (which leaves it playing), Ctrl-C,
 * SIGTERM/SIGHUP or the end of the queue. The terminal is restored on every way out.
 */
export async function runPlayerOnTerminal(
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; warning?: string | undefined },
  player: PlayerClient,
  keys: KeyTable,
  start: () => Promise<CommandReply>,
): Promise<TerminalPlayOutcome> {
  let finish: (how: 'stop' | 'detach' | 'ended') => void = () => undefined;
  const done = new Promise<'stop' | 'detach' | 'ended'>((resolve) => (finish = resolve));
  let started = 0;
  let unplayable = false;
  let state: PlayerState | undefined;
  const columns = () => io.stdout.columns || 80;

  const session = openTerminalSession(io.stdin, io.stdout, (key) => {
    const action = keys.action('play', readlineKeyName(key));
    if (!action) return;
    if (action.kind === 'app') return finish(action.id === 'detach' ? 'detach' : 'stop');
    player.dispatch(action.command).catch((error: unknown) => session.print(`error: ${terminalSafe((error as Error).message)}`));
  });
  let leaving = false;
  // Once quitting, the line stays as it was (the stop that follows would redraw it at 0:00).
  const draw = () => state && !leaving && session.render(formatStatusLine(state, columns()));
  const onEvent = (event: Parameters<Parameters<PlayerClient['subscribe']>[0]>[0]) => {
    if (event.type === 'state') {
      state = event.state;
      draw();
    } else if (event.type === 'track') started += 1;
    else if (event.type === 'warning') session.print(`warning: ${terminalSafe(event.message)}`);
    else if (event.type === 'error') session.print(`error: ${terminalSafe(event.error.message)}`);
    else if (event.type === 'ended') {
      unplayable = event.unplayable;
      finish('ended');
    } else if (event.type === 'quit') finish('ended');
  };
  const stopOnSignal = () => finish('stop');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, stopOnSignal);
  const onResize = () => {
    session.resized(columns());
    draw();
  };
  io.stdout.on('resize', onResize);
  const gone = player.onClose(() => finish('ended'));

  let how: 'stop' | 'detach' | 'ended' = 'ended';
  try {
    for (const line of keyHelpLines(keys, columns() - 1)) session.print(line);
    if (io.warning) session.print(`warning: ${terminalSafe(io.warning)}`);
    await player.subscribe(onEvent);
    state = (await start()).state;
    draw();
    how = await done;
    leaving = how !== 'ended';
    if (how === 'stop') state = (await player.dispatch({ type: 'stop' }).catch(() => undefined))?.state ?? state;
  } finally {
    for (const signal of signals) process.off(signal, stopOnSignal);
    io.stdout.off('resize', onResize);
    gone();
    session.restore();
  }
  return { started, unplayable, detached: how === 'detach', state };
}
