/**
 * The commands the lean client runs itself (the background player's, and `tunes keys`), without
 * loading commander, kysely or conf: they must start about as fast as Node itself does.
 */
export const LEAN_COMMANDS: ReadonlySet<string> = new Set([
  'status', 'pause', 'resume', 'toggle', 'next', 'prev', 'stop', 'seek', 'volume', 'shuffle', 'repeat', 'queue', 'play', 'player', 'keys',
]);

/** The lean commands built into the one-file fast client (fast-entry.ts): the player's controls. */
export const FAST_COMMANDS: ReadonlySet<string> = new Set([
  'status', 'pause', 'resume', 'toggle', 'next', 'prev', 'stop', 'seek', 'volume', 'shuffle', 'repeat', 'queue',
]);

/**
 * Read-only commands of the full CLI that start from the one-file CommonJS build with V8's code cache
 * (src/cli/plain-entry.ts): listing and searching the library, what a script or a status bar runs often.
 */
export const PLAIN_COMMANDS: ReadonlySet<string> = new Set([
  'songs', 'albums', 'artists', 'folders', 'liked', 'history', 'stats', 'wrapped', 'lyrics', 'whoami', 'servers',
]);

/** Commands that always need the player (and start it when none runs). */
export const STARTS_PLAYER: ReadonlySet<string> = new Set(['play', 'resume', 'toggle', 'next', 'prev']);

/** `--db <path>` (or `--db=<path>`) from the command line. */
export function dbOption(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--db') return argv[i + 1];
    if (arg.startsWith('--db=')) return arg.slice(5);
  }
  return undefined;
}

/** The words of the command line that are not options (skipping `--db <path>`, which takes a value). */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 2; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--db') i += 1;
    else if (arg === '--') break;
    else if (!arg.startsWith('-') || arg === '-') words.push(arg);
  }
  return words;
}

/** Help of any kind is commander's (from the full CLI, which describes these commands too). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.slice(2).some((arg) => arg === '--help' || arg === '-h' || arg === '--version' || arg === '-V');
}
