import type { ReactElement } from 'react';
import { TunesApp } from './app.js';
import { KeyTableProvider, type KeysInForce } from './keys/key-table-context.js';
import type { UiConnection } from './ports.js';
import { FixedTerminalSize, LiveTerminalSize, type TerminalSize } from './terminal/terminal-size.js';
import { ThemeProvider, type Theme } from './theme.js';

/** The whole UI with its providers: following a real terminal's size, or at a fixed one (tests, bench). */
export function appTree({ connection, theme, onQuit, terminal, keys }: {
  connection: UiConnection;
  theme: Theme;
  onQuit(): void;
  terminal: { stdout: NodeJS.WriteStream } | { size: TerminalSize };
  /** The key bindings in force; the defaults when not given. */
  keys?: KeysInForce;
}): ReactElement {
  const app = <TunesApp connection={connection} onQuit={onQuit} />;
  return (
    <KeyTableProvider keys={keys}>
      <ThemeProvider theme={theme}>
        {'stdout' in terminal ? (
          <LiveTerminalSize stdout={terminal.stdout}>{app}</LiveTerminalSize>
        ) : (
          <FixedTerminalSize size={terminal.size}>{app}</FixedTerminalSize>
        )}
      </ThemeProvider>
    </KeyTableProvider>
  );
}
