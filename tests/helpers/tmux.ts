import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A detached tmux session: a real pseudo-terminal a test can type into and read back. */
export class TmuxTerminal {
  private constructor(readonly session: string) {}

  /** Starts `bash --norc` in a `columns`x`rows` terminal with `env` and `cwd`. */
  static start(name: string, { columns, rows, env, cwd }: { columns: number; rows: number; env: Record<string, string>; cwd: string }) {
    const session = `${name}-${process.pid}-${Date.now()}`;
    const exports = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', cwd,
      'env', ...exports, 'PS1=$ ', 'bash', '--norc', '--noprofile']);
    return new TmuxTerminal(session);
  }

  /** Sends keys as tmux names them ("Enter", "Escape", "C-c") or literal text with `literal`. */
  send(keys: string, literal = false): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...(literal ? ['-l'] : []), keys]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
  }

  /** Whether the program in the pane has the terminal in its alternate screen. */
  alternateScreen(): boolean {
    return execFileSync('tmux', ['display-message', '-p', '-t', this.session, '#{alternate_on}'], { encoding: 'utf8' }).trim() === '1';
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
      execFileSync('tmux', ['kill-session', '-t', this.session]);
    } catch {
      // already gone
    }
  }
}
