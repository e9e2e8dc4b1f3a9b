import { runPlayerProcess } from '../../daemon/run-player.js';
import { reportError } from '../report-error.js';
import { dbOption } from './command-names.js';

/** `tunes [--db P] player run [--ready-fd N] [--warm]`, read without the lean client's parser. */
export async function runPlayerFromArgs(argv: readonly string[]): Promise<number> {
  const at = argv.indexOf('--ready-fd');
  const readyFd = at >= 0 ? Number(argv[at + 1]) : undefined;
  try {
    await runPlayerProcess({ dbOverride: dbOption(argv), env: process.env, readyFd: Number.isInteger(readyFd) ? readyFd : undefined });
    return 0;
  } catch (error) {
    return reportError(error, false);
  }
}

