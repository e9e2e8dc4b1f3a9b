import { CommanderError } from 'commander';
import { isTunesError } from '../errors.js';
import { discardWarmTagReader, warmUpTagReader } from '../services/library/warm-start.js';
import { ReportedFailure } from './commands/player.js';
import { exitCodeAfterOutput, watchOutput } from './output-faults.js';
import { reportError } from './report-error.js';
import { storageError } from './storage-errors.js';

/** Every command but the player's: the commander program over the services. Answers the exit code. */
export async function runFullCli(argv: string[], command: string | undefined, entry: string): Promise<number> {
  // `tunes library add` (a first scan, usually) starts a tag-reading thread while the CLI loads.
  if (command === 'library' && argv[argv.indexOf('library') + 1] === 'add') warmUpTagReader();
  const json = argv.includes('--json');
  const output = watchOutput(process.stdout, process.stderr);
  // Loaded after the tag thread has started: the program's modules take about as long.
  const { createProgram } = await import('./program.js');
  const { program, runtime } = createProgram({ json, entry });
  let code: number;
  try {
    await program.parseAsync(argv);
    code = 0;
  } catch (error) {
    code = failureCode(isTunesError(error) ? error : (storageError(error, runtime.databasePath()) ?? error), json);
  } finally {
    await runtime.close();
    await discardWarmTagReader();
  }
  return exitCodeAfterOutput(output, code);
}

function failureCode(error: unknown, json: boolean): number {
  // commander already printed its message (or the help/version text).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof ReportedFailure) return error.exitCode;
  return reportError(error, json);
}
