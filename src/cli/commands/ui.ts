import type { Command } from 'commander';
import { keysFilePath, playerPaths } from '../../config/player-paths.js';
import { readPlayerSettings } from '../../config/player-settings.js';
import { TunesError } from '../../errors.js';
import { connectOrStartPlayer } from '../../remote/player-launcher.js';
import { PlayerLink } from '../../remote/player-link.js';
import { STOPPED_STATE } from '../../remote/stopped-state.js';
import { loadKeyTable } from '../../services/keys/key-table.js';
import { stateLine } from '../remote/state-text.js';
import type { CliRuntime } from '../runtime.js';

/** `tunes` alone on a terminal, or `tunes ui`: the full-screen browser, imported only now (Ink and React are heavy). */
export function registerUiCommand(program: Command, runtime: CliRuntime, entry: string): void {
  const open = async () => {
    if (!runtime.stdin.isTTY || !runtime.stdout.isTTY) {
      throw new TunesError('usage', 'the interactive browser needs a terminal', 'run `tunes --help` for the commands');
    }
    const env = process.env;
    const dbOverride = program.opts<{ db?: string }>().db;
    const paths = playerPaths({ dbOverride, env });
    const services = await runtime.services();
    // The music lives in the background player; the browser attaches to it (starting it when none runs).
    const player = new PlayerLink(() => connectOrStartPlayer({ paths, dbOverride, entry, env }), STOPPED_STATE);
    const attaching = player.attach().catch(() => undefined);
    const { seekStep, volumeStep } = readPlayerSettings(env);
    const keys = loadKeyTable(keysFilePath(env), { seekStep, volumeStep });
    // React's development build (the default without NODE_ENV) renders slower and warns to the terminal.
    process.env['NODE_ENV'] ??= 'production';
    // Ink reads CI at import time and then draws only the final frame: a terminal inside a CI job
    // (or a shell that exports CI) would show a blank screen until quit.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    const { runInteractive } = await import('../../ui/run.js');
    await attaching;
    await runInteractive({ services, player, keys, stdin: runtime.stdin, stdout: runtime.stdout, env: process.env });
    // The terminal is back: say what plays on, and how to stop it.
    const { state } = player;
    if (state.song && state.status !== 'stopped') {
      runtime.stdout.write(`${stateLine(state)}\nIt plays on in the background: \`tunes stop\` stops it, \`tunes\` shows it again.\n`);
    }
  };
  program.command('ui').description('open the full-screen browser (also what `tunes` alone does on a terminal)').action(open);
  // With an action of its own, the root would take `tunes frobnicate` as an argument: say what it is.
  program.allowExcessArguments(true).action(async (_options: unknown, command: Command) => {
    const [unknown] = command.args;
    if (unknown !== undefined) throw new TunesError('usage', `unknown command '${unknown}'`, 'run `tunes --help` for the commands');
    await open();
  });
}
