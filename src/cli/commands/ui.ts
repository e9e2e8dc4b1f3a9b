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
    const { runInteractive } = await import('../../ui/run.js');
    await runInteractive({ services, stdin: runtime.stdin, stdout: runtime.stdout, env: process.env });
  };
  program.command('ui').description('open the full-screen browser (also what `tunes` alone does on a terminal)').action(open);
  program.action(open);
}
