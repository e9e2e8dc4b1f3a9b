import { warmUpPlayer } from '../../services/playback/warm-start.js';
import { runPlayerFromArgs } from './player-run.js';

/**
 * The background player process (`node main.cjs player run`) as ONE CommonJS file,
 * dist/bundle/player.cjs, which main.ts runs from V8's code cache like the plain commands: a cold
 * `tunes play` waits for this process to be ready. With --warm it starts mpv before anything else.
 */
export function runPlayer(argv: string[]): Promise<number> {
  if (argv.includes('--warm')) warmUpPlayer();
  return runPlayerFromArgs(argv);
}
