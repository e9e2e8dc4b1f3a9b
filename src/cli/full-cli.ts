import { CommanderError } from 'commander';
import { discardWarmTagReader, warmUpTagReader } from '../services/library/warm-start.js';
import { ReportedFailure } from './commands/player.js';
import { reportError } from './report-error.js';

/** Every command but the player's: the commander program over the services. Answers the exit code. */
export async function runFullCli(argv: string[], command: string | undefined, entry: string): Promise<number> {
  // `tunes library add` (a first scan, usually) starts a tag-reading thread while the CLI loads.
  if (command === 'library' && argv[argv.indexOf('library') + 1] === 'add') warmUpTagReader();
  const json = argv.includes('--json');
  // Loaded after the tag thread has started: the program's modules take about as long.
  const { createProgram } = await import('./program.js');
  const { program, runtime } = createProgram({ json, entry });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // commander already printed its message (or the help/version text).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ReportedFailure) return error.exitCode;
    return reportError(error, json);
  } finally {
    await runtime.close();
    await discardWarmTagReader();
  }
}
