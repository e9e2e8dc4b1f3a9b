import { fileURLToPath } from 'node:url';
import { LEAN_COMMANDS, commandWords, wantsHelp } from './remote/command-names.js';

/**
 * The CLI's entry and the one place that sets the exit code. The player's commands (`tunes next`,
 * `tunes status`, ...) go to the lean client, which loads a few small modules and talks to the
 * background player; every other command loads the full CLI (commander, the services).
 */
async function main(argv: string[]): Promise<number> {
  const entry = fileURLToPath(import.meta.url);
  const words = commandWords(argv);
  const command = words[0];
  if (command !== undefined && LEAN_COMMANDS.has(command) && !wantsHelp(argv)) {
    // The player process itself: `tunes player run --warm` starts mpv before loading the library code.
    if (command === 'player' && words[1] === 'run' && argv.includes('--warm')) (await import('../services/playback/warm-start.js')).warmUpPlayer();
    const { runLeanCommand } = await import('./remote/run-lean.js');
    return runLeanCommand(argv, { entry });
  }
  const { runFullCli } = await import('./full-cli.js');
  return runFullCli(argv, command, entry);
}

process.exitCode = await main(process.argv);
