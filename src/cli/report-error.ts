import { exitCodeFor, isTunesError } from '../errors.js';
import { terminalSafe, terminalSafeJson, terminalSafeLines } from '../text/terminal-safe.js';
import { RuleSyntaxError } from '../services/smart/rule-parser.js';

/** An error as the CLI reports it (one `tunes:` line and a hint, or JSON on stderr); answers the exit code. */
export function reportError(error: unknown, json: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isTunesError(error)) {
    // Messages quote what people typed and what files hold: one line each, nothing a terminal acts on.
    if (json) {
      stderr.write(`${terminalSafeJson({ error: { code: error.code, message: error.message } })}\n`);
    } else {
      stderr.write(`tunes: ${terminalSafe(error.message)}\n`);
      // A rule that cannot be read is shown with a caret under the wrong part, as a compiler does.
      if (error instanceof RuleSyntaxError) for (const line of error.excerpt()) stderr.write(`  ${terminalSafe(line)}\n`);
      if (error.hint) stderr.write(`hint: ${terminalSafe(error.hint)}\n`);
    }
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) stderr.write(`${terminalSafeJson({ error: { code: 'internal', message: String(error) } })}\n`);
  else stderr.write(`tunes: internal error: ${terminalSafeLines(message)}\nPlease report this at https://github.com/tunes-player/tunes/issues\n`);
  return 1;
}
