import { emitKeypressEvents } from 'node:readline';
import { cellWidth } from '../../text/terminal-cells.js';

/** A key as Node's readline reports it: `name` for special keys, `sequence` for the character typed. */
export interface KeyPress {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
  shift?: boolean | undefined;
}

export interface TerminalSession {
  /** Redraws the live line (only when its text changed). */
  render(line: string): void;
  /** The terminal's width changed: the drawn line may now span several rows; clears them all, then `render` again. */
  resized(columns: number): void;
  /** Prints a message above the live line. */
  print(message: string): void;
  /** Puts the terminal back as it was; safe to call more than once. */
  restore(): void;
}

/**
 * Raw keyboard input and one live status line. The terminal is put back on restore(), and also
 * when the process exits some other way (a crash, process.exit), so the shell is never left raw.
 */
export function openTerminalSession(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, onKey: (key: KeyPress) => void): TerminalSession {
  let shown = '';
  let restored = false;
  const handleKey = (_text: string | undefined, key: KeyPress | undefined) => onKey(key ?? {});
  emitKeypressEvents(stdin);
  stdin.setRawMode(true);
  stdin.on('keypress', handleKey);
  stdin.resume();
  stdout.write('\x1b[?25l');

  const restore = () => {
    if (restored) return;
    restored = true;
    stdin.off('keypress', handleKey);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    stdout.write(`${shown ? '\r\x1b[2K' : ''}${shown}\n\x1b[?25h`);
    process.off('exit', restore);
  };
  process.on('exit', restore);

  return {
    render(line) {
      if (restored || line === shown) return;
      shown = line;
      stdout.write(`\r\x1b[2K${line}`);
    },
    resized(columns) {
      if (restored || !shown) return;
      // A terminal that reflows on shrinking (xterm, tmux, most) wraps the old line over more rows;
      // clear from its first row down, or its start stays behind as a stale fragment.
      const rows = Math.max(1, Math.ceil(cellWidth(shown) / Math.max(1, columns)));
      stdout.write(`\r${rows > 1 ? `\x1b[${rows - 1}A` : ''}\x1b[J`);
      shown = '';
    },
    print(message) {
      if (restored) return;
      stdout.write(`\r\x1b[2K${message}\n${shown}`);
    },
    restore,
  };
}
