import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveCacheDir } from '../config/paths.js';
import { FAST_COMMANDS, LEAN_COMMANDS, PLAIN_COMMANDS, STARTS_PLAYER, commandWords, wantsHelp } from './remote/command-names.js';
import { requireWithCodeCache } from './start/code-cache.js';

/**
 * The CLI's entry and the one place that sets the exit code, built as ONE CommonJS file with nothing
 * split off (dist/bundle/main.cjs, see scripts/bundle.mjs): the player's controls (`tunes next`,
 * `tunes status`, `tunes queue ...`) run from this file alone, so a remote command costs Node little
 * more than its own start (no ES module loader, one file for V8). The plain read-only commands
 * (`tunes songs`, ...) and the background player process run from one-file builds of their own
 * through V8's code cache; every other command
 * loads the split ES module build (split-main.ts) by a computed URL, which keeps this file small.
 */
const SPLIT_BUILD = pathToFileURL(`${__dirname}/split-main.js`).href;
const PLAIN_BUILD = `${__dirname}/plain.cjs`;
const PLAYER_BUILD = `${__dirname}/player.cjs`;

async function main(argv: string[]): Promise<number> {
  // The player is started as `node <this file> player run`.
  const entry = __filename;
  const words = commandWords(argv);
  const command = words[0];
  const lean = command !== undefined && LEAN_COMMANDS.has(command) && !wantsHelp(argv);
  if (lean && FAST_COMMANDS.has(command)) {
    // Within this one file: the import only puts off running the player client's modules (node:net
    // and the rest) to the commands that use them.
    const { runFastCommand, startPlayerEarly } = await import('./remote/fast-entry.js');
    if (STARTS_PLAYER.has(command)) startPlayerEarly(argv, entry, command === 'resume');
    return runFastCommand(argv, { entry });
  }
  if (lean && command === 'player' && words[1] === 'run') {
    const player = requireWithCodeCache<typeof import('./remote/player-entry.js')>(PLAYER_BUILD, join(resolveCacheDir(), 'code'));
    return player.runPlayer(argv);
  }
  if (command !== undefined && PLAIN_COMMANDS.has(command)) {
    const plain = requireWithCodeCache<typeof import('./plain-entry.js')>(PLAIN_BUILD, join(resolveCacheDir(), 'code'));
    return plain.runPlainCommand(argv, command, entry);
  }
  const split = (await import(SPLIT_BUILD)) as typeof import('./split-main.js');
  return split.runSplitCommand(argv, words, lean, entry);
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
