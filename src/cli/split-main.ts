import { fileURLToPath } from 'node:url';
import { LEAN_COMMANDS, STARTS_PLAYER, commandWords, wantsHelp } from './remote/command-names.js';

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
    if (command === 'player' && words[1] === 'run') {
      // The player process itself: with --warm it starts mpv before loading the library code.
      if (argv.includes('--warm')) (await import('../services/playback/warm-start.js')).warmUpPlayer();
      const { runPlayerFromArgs } = await import('./remote/player-run.js');
      return runPlayerFromArgs(argv);
    }
    // A command that will need the player starts it first thing, while the rest of itself loads.
    if (STARTS_PLAYER.has(command)) (await import('./remote/early-start.js')).startPlayerEarly(argv, entry, command === 'play' || command === 'resume');
    const { runLeanCommand } = await import('./remote/run-lean.js');
    return runLeanCommand(argv, { entry });
  }
  const { runFullCli } = await import('./full-cli.js');
  return runFullCli(argv, command, entry);
}

process.exitCode = await main(process.argv);
