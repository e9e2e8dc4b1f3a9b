import { parseTerminalAnswers, TERMINAL_QUERY, withoutTerminalAnswers, type TerminalAnswers } from '../../text/cover-art/terminal-answers.js';

/**
 * Asks the terminal what it can draw (TERMINAL_QUERY) and waits for its DA1 answer, at most
 * `timeoutMs` (a terminal that answers nothing costs that once, at start). Keys typed meanwhile are
 * handed back to stdin for the UI to read; answers later than that are the UI's input filter's
 * (swallowLateAnswers).
 */
export function queryTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, timeoutMs = 800): Promise<TerminalAnswers> {
  const none: TerminalAnswers = { complete: false, kitty: false, sixel: false };
  if (!stdin.isTTY || !stdout.isTTY) return Promise.resolve(none);
  return new Promise((resolve) => {
    const wasRaw = stdin.isRaw;
    let input = '';
    const size = { columns: stdout.columns, rows: stdout.rows };
    const finish = () => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.pause();
      try {
        stdin.setRawMode(wasRaw);
      } catch {
        // The terminal went away meanwhile.
      }
      const typed = withoutTerminalAnswers(input);
      if (typed) stdin.unshift(Buffer.from(typed, 'utf8'));
      resolve(parseTerminalAnswers(input, size));
    };
    const onData = (chunk: Buffer | string) => {
      input += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (parseTerminalAnswers(input).complete) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    try {
      stdin.setRawMode(true);
      stdin.on('data', onData);
      stdin.resume();
      stdout.write(TERMINAL_QUERY);
    } catch {
      finish();
    }
  });
}
