import { playerPaths } from '../../config/player-paths.js';
import { startPlayerEarly as launchEarly } from '../../remote/player-launcher.js';
import { dbOption } from './command-names.js';

/** See startPlayerEarly in src/remote/player-launcher.ts: `warm` when the command plays at once. */
export function startPlayerEarly(argv: readonly string[], entry: string, warm: boolean): void {
  const dbOverride = dbOption(argv);
  try {
    launchEarly({ paths: playerPaths({ dbOverride, env: process.env }), dbOverride, entry, env: process.env, warm });
  } catch {
    // The command's own start of the player reports what is wrong.
  }
}
