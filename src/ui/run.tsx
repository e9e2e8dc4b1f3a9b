import { render, type Instance } from 'ink';
import type { PlayerLink } from '../remote/player-link.js';
import type { Services } from '../services/container.js';
import { appTree } from './app-tree.js';
import { connectServices } from './connect-services.js';
import type { KeysInForce } from './keys/key-table-context.js';
import { enterAlternateScreen } from './terminal/alternate-screen.js';
import { coverArtFor } from './art/choose-cover-art.js';
import { themeFor } from './theme.js';

/**
 * Ink throttles frames (30 fps by default) on both its render and its write, so a keystroke whose
 * rows arrive a few ms later waited up to two 33 ms windows. 120 keeps bursts bounded and a search
 * result on screen within a frame or two of the query.
 */
export const UI_MAX_FPS = 120;

export interface InteractiveOptions {
  services: Services;
  player: PlayerLink;
  keys: KeysInForce;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the full-screen browser until the user quits (q, Ctrl-C, a signal). Whatever way it ends, the
 * terminal is given back; the music is the background player's and plays on unless a key stopped
 * it. The caller closes the database and says what is still playing.
 */
export async function runInteractive({ services, player, keys, stdin, stdout, env }: InteractiveOptions): Promise<void> {
  // Read before the screen changes: a setting that is not valid is an error on a normal terminal.
  const settings = services.settings.current();
  const ui = connectServices(services, player);
  let instance: Instance | undefined;
  const quit = () => instance?.unmount();
  let cleanupImages = () => '';
  const terminal = enterAlternateScreen({ stdin, stdout, onSignal: quit, beforeRestore: () => cleanupImages() });
  const theme = themeFor(env, settings.theme);
  const { art, stdin: input, stdout: output } = await coverArtFor({ setting: settings['cover-art'], theme, env, stdin, stdout, covers: services.covers });
  const layer = art?.layer;
  if (layer) cleanupImages = () => layer.cleanup();
  try {
    instance = render(appTree({ connection: ui, theme, onQuit: quit, terminal: { stdout }, keys, art }), {
      stdin: input,
      stdout: output,
      exitOnCtrlC: false,
      patchConsole: true,
      maxFps: UI_MAX_FPS,
    });
    await instance.waitUntilExit();
  } finally {
    instance?.unmount();
    layer?.close();
    try {
      await ui.shutdown();
    } finally {
      terminal.restore();
    }
  }
}
