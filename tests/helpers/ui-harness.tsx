import { render } from 'ink-testing-library';
import { openLocalConfig } from '../../src/config/local-config.js';
import type { User } from '../../src/domain/user.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createLocalSession } from '../../src/services/auth/local-session.js';
import { systemClock } from '../../src/services/clock.js';
import { buildServices, type Services } from '../../src/services/container.js';
import { TunesApp } from '../../src/ui/app.js';
import { connectServices } from '../../src/ui/connect-services.js';
import { KeyTableProvider, type KeysInForce } from '../../src/ui/keys/key-table-context.js';
import type { UiConnection } from '../../src/ui/ports.js';
import { FixedTerminalSize, type TerminalSize } from '../../src/ui/terminal/terminal-size.js';
import { MONO_THEME, ThemeProvider, type Theme } from '../../src/ui/theme.js';
import type { Store } from '../../src/db/open.js';
import { inProcessPlayer } from './player-daemon.js';
import { tempDir } from './temp-dir.js';
import { FAST_SCRYPT, testStore } from './test-store.js';


export interface UiFixture {
  store: Store;
  services: Services;
  /** The real player (in this process, over a real socket) the UI is a client of. */
  player: Awaited<ReturnType<typeof inProcessPlayer>>;
  connection: UiConnection;
  /** Registers (and logs in) through the real session, as the login screen would. */
  register(name: string, password?: string): Promise<User>;
}

/** Real services over a real SQLite file and config in temp dirs, with cheap scrypt, and a real player. */
export async function uiFixture({ env = {} }: { env?: NodeJS.ProcessEnv } = {}): Promise<UiFixture> {
  const store = await testStore();
  const config = openLocalConfig({ TUNES_HOME: tempDir() });
  const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: FAST_SCRYPT });
  const base = buildServices(store, config, systemClock, { ...process.env, TUNES_AUDIO_OUTPUT: 'null', ...env });
  const services: Services = { ...base, auth, session: createLocalSession({ auth, config }) };
  const player = await inProcessPlayer(services);
  return {
    store,
    services,
    player,
    connection: connectServices(services, await player.link()),
    register: (name, password = 'correct horse') => services.session.register(name, password),
  };
}

export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  down: '\u001b[B',
  up: '\u001b[A',
  backspace: '\u007f',
  ctrlR: '\u0012',
} as const;

export function renderApp(connection: UiConnection, size: TerminalSize = { columns: 100, rows: 30 }, theme: Theme = MONO_THEME, keys?: KeysInForce) {
  let quits = 0;
  const app = render(
    <KeyTableProvider keys={keys}>
      <ThemeProvider theme={theme}>
        <FixedTerminalSize size={size}>
          <TunesApp connection={connection} onQuit={() => (quits += 1)} />
        </FixedTerminalSize>
      </ThemeProvider>
    </KeyTableProvider>,
  );
  return {
    ...app,
    quits: () => quits,
    frame: () => app.lastFrame() ?? '',
    /** Types keys one at a time, letting React settle in between (as a person types). */
    async type(...keys: string[]) {
      for (const key of keys) {
        app.stdin.write(key);
        await settle();
      }
    },
    /** Waits until the frame satisfies `check` (data arrives from SQLite asynchronously). */
    async waitFor(check: (frame: string) => boolean, what = 'frame'): Promise<string> {
      for (let i = 0; i < 2000; i += 1) {
        const frame = app.lastFrame() ?? '';
        if (check(frame)) {
          // Input hooks attach in effects that run just after a frame is drawn.
          await settle();
          return frame;
        }
        await settle();
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${app.lastFrame() ?? ''}`);
    },
  };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 15));
