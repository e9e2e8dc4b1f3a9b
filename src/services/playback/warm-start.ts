import { readStoredSettingsQuickly } from '../../config/settings-file.js';
import { mpvStartSettingsOf, resolveSettings } from '../../config/settings.js';
import { startSettingsArgs } from '../../player/mpv-start-settings.js';
import { discardPrespawned, prespawnMpv } from '../../player/prespawn.js';

/**
 * Lets the CLI start mpv before it loads the rest of itself (`tunes play` then waits for the slower
 * of the two, not both), without the edge reaching into src/player. mpv starts with the user's
 * settings read straight from the config file; when they cannot be read the engine starts its own
 * mpv later and reports the problem then. Kept tiny: main.ts imports it ahead of everything else.
 */
export function warmUpPlayer(env: NodeJS.ProcessEnv = process.env): void {
  let args: string[];
  try {
    args = startSettingsArgs(mpvStartSettingsOf(resolveSettings(readStoredSettingsQuickly(env), 'config')));
  } catch {
    return;
  }
  prespawnMpv(env, args);
}

export { discardPrespawned as discardWarmPlayer };
