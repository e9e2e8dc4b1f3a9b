const ENTER_ALTERNATE = '\u001b[?1049h\u001b[2J\u001b[H';
const LEAVE_ALTERNATE = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const RESET_ATTRIBUTES = '\u001b[0m';

export interface TerminalGuard {
  /** Leaves the alternate screen and gives the terminal back as it was; safe to call more than once. */
  restore(): void;
}

export interface TerminalGuardOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Called on the first SIGINT/SIGTERM/SIGHUP: quit cleanly (stop playback, close the database). */
  onSignal(signal: NodeJS.Signals): void;
  /** Escape sequences to write before leaving (images drawn outside the text: their deletion). */
  beforeRestore?(): string;
}

/**
 * Ink 6 has no alternate-screen option, so we enter it ourselves and make sure every way out leaves it:
 * a normal quit (`restore`), a crash (`exit` handler, which runs synchronously), and signals. A second
 * signal while quitting restores the terminal and dies by that signal at once.
 */
export function enterAlternateScreen({ stdin, stdout, onSignal, beforeRestore }: TerminalGuardOptions): TerminalGuard {
  let restored = false;
  let signalled = false;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

  const restore = () => {
    if (restored) return;
    restored = true;
    for (const signal of signals) process.off(signal, handleSignal);
    process.off('exit', restore);
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed when the terminal went away (SIGHUP).
    }
    try {
      stdout.write((beforeRestore?.() ?? '') + RESET_ATTRIBUTES + SHOW_CURSOR + LEAVE_ALTERNATE);
    } catch {
      // Nothing more can be done for a terminal that is gone.
    }
  };

  function handleSignal(signal: NodeJS.Signals): void {
    if (!signalled) {
      signalled = true;
      onSignal(signal);
      return;
    }
    restore();
    process.kill(process.pid, signal);
  }

  stdout.write(ENTER_ALTERNATE);
  for (const signal of signals) process.on(signal, handleSignal);
  process.on('exit', restore);
  return { restore };
}
