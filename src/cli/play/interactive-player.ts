import type { PlaybackService } from '../../services/playback/playback-service.js';
import type { CliRuntime } from '../runtime.js';
import { commandForKey, keyHelpLines, type PlayCommand } from './key-bindings.js';
import { formatStatusLine } from './status-line.js';
import { openTerminalSession } from './terminal-session.js';

/** How far a seek key moves and how much a volume key changes (the seek-step and volume-step settings). */
export interface PlayerSteps {
  seekSeconds: number;
  volumeStep: number;
}

/**
 * `tunes play` on a terminal: a live status line and single-key controls until q, Ctrl-C,
 * SIGTERM/SIGHUP or the end of the queue. The terminal is restored and mpv stopped on every way out.
 */
export async function runPlayerOnTerminal(
  runtime: CliRuntime,
  playback: PlaybackService,
  start: () => Promise<void>,
  { seekSeconds, volumeStep }: PlayerSteps = { seekSeconds: 5, volumeStep: 5 },
): Promise<{ started: number; unplayable: boolean }> {
  let quit: () => void = () => undefined;
  let started = 0;
  let unplayable = false;
  const done = new Promise<void>((resolve) => (quit = resolve));
  const columns = () => runtime.stdout.columns || 80;

  const session = openTerminalSession(runtime.stdin, runtime.stdout, (key) => {
    const command = commandForKey(key);
    if (command) run(command);
  });
  const draw = () => session.render(formatStatusLine(playback.state(), columns()));
  const unsubscribe = playback.subscribe((event) => {
    if (event.type === 'state') draw();
    else if (event.type === 'track-start') started += 1;
    else if (event.type === 'warning') session.print(`warning: ${event.message}`);
    else if (event.type === 'error') session.print(`error: ${event.error.message}`);
    else if (event.type === 'ended') {
      unplayable = event.unplayable === true;
      quit();
    }
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, quit);
  const onResize = () => draw();
  runtime.stdout.on('resize', onResize);

  function run(command: PlayCommand): void {
    const action: Record<PlayCommand, () => Promise<void> | void> = {
      'toggle-pause': () => playback.togglePause(),
      next: () => playback.next(),
      previous: () => playback.previous(),
      'seek-back': () => playback.seek(-seekSeconds, 'relative'),
      'seek-forward': () => playback.seek(seekSeconds, 'relative'),
      'volume-up': () => playback.changeVolume(volumeStep),
      'volume-down': () => playback.changeVolume(-volumeStep),
      mute: () => playback.toggleMute(),
      shuffle: () => playback.setShuffle(!playback.state().shuffle),
      repeat: () => playback.cycleRepeat(),
      quit,
    };
    void Promise.resolve()
      .then(action[command])
      .catch((error: unknown) => session.print(`error: ${(error as Error).message}`));
  }

  try {
    for (const line of keyHelpLines(columns() - 1, seekSeconds)) session.print(line);
    await start();
    draw();
    await done;
  } finally {
    for (const signal of signals) process.off(signal, quit);
    runtime.stdout.off('resize', onResize);
    unsubscribe();
    await playback.close();
    session.restore();
  }
  return { started, unplayable };
}
