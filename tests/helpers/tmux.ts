import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A detached tmux session on a tmux server of its own: a real pseudo-terminal a test can type into and
 * read back. Its own server, because a shared one hands new panes the environment it started with.
 */
export class TmuxTerminal {
  private constructor(readonly session: string) {}

  private static tmux(args: string[]): string {
    return execFileSync('tmux', args, { encoding: 'utf8' });
  }

  private run(...args: string[]): string {
    return TmuxTerminal.tmux(['-L', this.session, ...args]);
  }

  /** Starts `bash --norc` in a `columns`x`rows` terminal with `env` and `cwd`. */
  static start(name: string, { columns, rows, env, cwd }: { columns: number; rows: number; env: Record<string, string>; cwd: string }) {
    const session = `${name}-${process.pid}-${Date.now()}`;
    const exports = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    TmuxTerminal.tmux(['-L', session, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', cwd,
      'env', ...exports, 'PS1=$ ', 'bash', '--norc', '--noprofile']);
    return new TmuxTerminal(session);
  }

  /** Sends keys as tmux names them ("Enter", "Escape", "C-c") or literal text with `literal`. */
  send(keys: string, literal = false): void {
    this.run('send-keys', '-t', this.session, ...(literal ? ['-l'] : []), keys);
  }

  /** Makes the terminal `columns` x `rows` (the program gets SIGWINCH). */
  resize(columns: number, rows: number): void {
    this.run('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
  }

  screen(): string {
    return this.run('capture-pane', '-p', '-t', this.session);
  }

  /** The screen with its colours and attributes as SGR escape sequences (capture-pane -e). */
  screenWithEscapes(): string {
    return this.run('capture-pane', '-p', '-e', '-t', this.session);
  }

  /** Whether the program in the pane has the terminal in its alternate screen. */
  alternateScreen(): boolean {
    return this.display('#{alternate_on}') === '1';
  }

  /** A tmux format (`#{pane_pid}`, …) evaluated for this session's pane. */
  display(format: string): string {
    return this.run('display-message', '-p', '-t', this.session, format).trim();
  }

  /** Polls the screen until `check` holds; gives up (with the screen in the error) after a generous while. */
  async waitFor(check: (screen: string) => boolean, what: string): Promise<string> {
    for (let i = 0; i < 600; i += 1) {
      const screen = this.screen();
      if (check(screen)) return screen;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${this.screen()}`);
  }

  /** Types text and keys one at a time, as a person would, waiting a little between them. */
  async type(...keys: Array<string | { key: string }>): Promise<void> {
    for (const key of keys) {
      if (typeof key === 'string') this.send(key, true);
      else this.send(key.key);
      await sleep(80);
    }
  }

  kill(): void {
    try {
      this.run('kill-server');
    } catch {
      // already gone
    }
  }
}
