import type { ReactElement } from 'react';
import { TunesApp } from './app.js';
import { CoverArtProvider, type CoverArt } from './art/cover-art-context.js';
import { KeyTableProvider, type KeysInForce } from './keys/key-table-context.js';
import type { UiConnection } from './ports.js';
import { FixedTerminalSize, LiveTerminalSize, type TerminalSize } from './terminal/terminal-size.js';
import { ThemeProvider, type Theme } from './theme.js';

/** The whole UI with its providers: following a real terminal's size, or at a fixed one (tests, bench). */
export function appTree({ connection, theme, onQuit, terminal, keys, art }: {
  connection: UiConnection;
  theme: Theme;
  onQuit(): void;
  terminal: { stdout: NodeJS.WriteStream } | { size: TerminalSize };
  /** The key bindings in force; the defaults when not given. */
  keys?: KeysInForce;
  /** Covers in the now-playing area and on album pages; none when not given. */
  art?: CoverArt;
}): ReactElement {
  const app = (
    <CoverArtProvider art={art}>
      <TunesApp connection={connection} onQuit={onQuit} />
    </CoverArtProvider>
  );
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
