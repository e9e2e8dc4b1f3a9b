import { STARTS_PLAYER } from './remote/command-names.js';

/**
 * Everything main.ts does not run itself, as ES modules split into chunks that load as each command
 * needs them: the player process, `tunes play` / `tunes player` / `tunes keys` (the lean client with
 * the terminal player and the key tables), and every other command through the full CLI (commander,
 * the services). Answers the exit code; main.ts sets it.
 */
export async function runSplitCommand(argv: string[], words: string[], lean: boolean, entry: string): Promise<number> {
  const command = words[0];
  if (lean && command !== undefined) {
    if (command === 'player' && words[1] === 'run') {
      // The player process itself: with --warm it starts mpv before loading the library code.
      if (argv.includes('--warm')) (await import('../services/playback/warm-start.js')).warmUpPlayer();
      const { runPlayerFromArgs } = await import('./remote/player-run.js');
      return runPlayerFromArgs(argv);
    }
    // A command that will need the player starts it first thing, while the rest of itself loads.
    if (STARTS_PLAYER.has(command)) (await import('./remote/early-start.js')).startPlayerEarly(argv, entry, command === 'play' || command === 'resume');
    const [{ runLeanCommand }, { LEAN_COMMANDS_TABLE }] = await Promise.all([import('./remote/run-lean.js'), import('./remote/lean-commands.js')]);
    return runLeanCommand(argv, { entry, commands: LEAN_COMMANDS_TABLE });
  }
  const { runFullCli } = await import('./full-cli.js');
  return runFullCli(argv, command, entry);
}
