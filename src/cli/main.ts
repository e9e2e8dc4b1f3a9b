import { CommanderError } from 'commander';
import { exitCodeFor, isTunesError } from '../errors.js';
import { outputFailureLine, watchOutput } from './output-faults.js';
import { storageError } from './storage-errors.js';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from '../text/terminal-safe.js';
import { discardWarmTagReader, warmUpTagReader } from '../services/library/warm-start.js';
import { discardWarmPlayer, warmUpPlayer } from '../services/playback/warm-start.js';

/** The one place that turns errors into exit codes; everything below throws. */
async function main(argv: string[]): Promise<number> {
  // `tunes play` starts mpv while the rest of the CLI loads: both take about as long.
  if (commandName(argv) === 'play') warmUpPlayer();
  // `tunes library add` (a first scan, usually) starts a tag-reading thread the same way.
  if (commandName(argv) === 'library' && argv[argv.indexOf('library') + 1] === 'add') warmUpTagReader();
  const json = argv.includes('--json');
  const output = watchOutput(process.stdout, process.stderr);
  const { createProgram } = await import('./program.js');
  const { program, runtime } = createProgram({ json });
  let code: number;
  try {
    await program.parseAsync(argv);
    code = 0;
  } catch (error) {
    code = reportError(isTunesError(error) ? error : (storageError(error, runtime.databasePath()) ?? error), json);
  } finally {
    await runtime.close();
    await discardWarmPlayer();
    await discardWarmTagReader();
  }
  await output.settle();
  const fault = output.fault();
  // The reader went away (`| head`): nothing is wrong. Output that could not be written is exit 6.
  if (fault?.kind === 'closed') return 0;
  if (fault?.kind === 'failed') {
    process.stderr.write(outputFailureLine(fault));
    return 6;
  }
  return code;
}

/** The subcommand named in argv (skipping global options such as `--db <path>`). */
function commandName(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--db') i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed its message (or the help/version text).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isTunesError(error)) {
    // Messages quote what people typed and what files hold: one line each, nothing a terminal acts on.
    if (json) {
      process.stderr.write(`${terminalSafeJson({ error: { code: error.code, message: error.message } })}\n`);
    } else {
      process.stderr.write(`tunes: ${terminalSafe(error.message)}\n`);
      if (error.hint) process.stderr.write(`hint: ${terminalSafe(error.hint)}\n`);
    }
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) process.stderr.write(`${terminalSafeJson({ error: { code: 'internal', message: String(error) } })}\n`);
  else process.stderr.write(`tunes: internal error: ${terminalSafeLines(message)}\nPlease report this at https://github.com/tunes-player/tunes/issues\n`);
  return 1;
}

process.exitCode = await main(process.argv);
