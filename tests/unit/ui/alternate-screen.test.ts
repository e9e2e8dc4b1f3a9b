import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { enterAlternateScreen } from '../../../src/ui/terminal/alternate-screen.js';

class FakeTerminal extends EventEmitter {
  isTTY = true;
  written = '';
  rawMode: boolean[] = [];
  write(text: string) {
    this.written += text;
    return true;
  }
  setRawMode(on: boolean) {
    this.rawMode.push(on);
    return this;
  }
}

describe('alternate screen guard', () => {
  it('enters the alternate screen and leaves it exactly once, showing the cursor and leaving raw mode', () => {
    const term = new FakeTerminal();
    const io = term as unknown as NodeJS.ReadStream & NodeJS.WriteStream;
    const guard = enterAlternateScreen({ stdin: io, stdout: io, onSignal: () => undefined });
    expect(term.written).toContain('\u001b[?1049h');
    guard.restore();
    guard.restore();
    expect(term.written.match(/\u001b\[\?1049l/g)).toHaveLength(1);
    expect(term.written).toContain('\u001b[?25h');
    expect(term.rawMode).toEqual([false]);
  });

  it('turns the first SIGTERM into a clean quit and stops listening once restored', () => {
    const term = new FakeTerminal();
    const io = term as unknown as NodeJS.ReadStream & NodeJS.WriteStream;
    const signals: string[] = [];
    const before = process.listenerCount('SIGTERM');
    const exitBefore = process.listenerCount('exit');
    const guard = enterAlternateScreen({ stdin: io, stdout: io, onSignal: (s) => signals.push(s) });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('exit')).toBe(exitBefore + 1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(signals).toEqual(['SIGTERM']);
    expect(term.written).not.toContain('\u001b[?1049l');
    guard.restore();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(process.listenerCount('exit')).toBe(exitBefore);
  });
});
