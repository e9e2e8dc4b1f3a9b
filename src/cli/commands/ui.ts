import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import type { CliRuntime } from '../runtime.js';

/** `tunes` alone on a terminal, or `tunes ui`: the full-screen browser, imported only now (Ink and React are heavy). */
export function registerUiCommand(program: Command, runtime: CliRuntime): void {
  const open = async () => {
    if (!runtime.stdin.isTTY || !runtime.stdout.isTTY) {
      throw new TunesError('usage', 'the interactive browser needs a terminal', 'run `tunes --help` for the commands');
    }
    const services = await runtime.services();
    // React's development build (the default without NODE_ENV) renders slower and warns to the terminal.
    process.env['NODE_ENV'] ??= 'production';
    // Ink reads CI at import time and then draws only the final frame: a terminal inside a CI job
    // (or a shell that exports CI) would show a blank screen until quit.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    const { runInteractive } = await import('../../ui/run.js');
    await runInteractive({ services, stdin: runtime.stdin, stdout: runtime.stdout, env: process.env });
  };
  program.command('ui').description('open the full-screen browser (also what `tunes` alone does on a terminal)').action(open);
  // With an action of its own, the root would take `tunes frobnicate` as an argument: say what it is.
  program.allowExcessArguments(true).action(async (_options: unknown, command: Command) => {
    const [unknown] = command.args;
    if (unknown !== undefined) throw new TunesError('usage', `unknown command '${unknown}'`, 'run `tunes --help` for the commands');
    await open();
  });
}
