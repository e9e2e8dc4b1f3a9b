import { Box, Text, type Key } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { User } from '../domain/user.js';
import type { UiConnection } from './ports.js';
import { LoginScreen } from './screens/login-screen.js';
import { MainScreen } from './screens/main-screen.js';
import { useTerminalSize } from './terminal/terminal-size.js';

/** The whole UI: the login screen until someone is logged in, then the main screen. */
export function TunesApp({ connection, onQuit }: { connection: UiConnection; onQuit(): void }) {
  const { columns, rows } = useTerminalSize();
  // undefined while the stored session is being checked; null when nobody is logged in.
  const [user, setUser] = useState<User | null>();
  const [firstRun, setFirstRun] = useState(false);
  const [typedAhead, setTypedAhead] = useState<Array<[string, Key]>>([]);
  useEffect(() => {
    let live = true;
    connection.account.currentUser().then(
      (u) => live && setUser(u),
      async () => {
        // Nobody to log in as yet: the first screen creates the first account.
        const fresh = !(await connection.account.hasAccounts().catch(() => true));
        if (!live) return;
        setFirstRun(fresh);
        setUser(null);
      },
    );
    return () => {
      live = false;
    };
  }, [connection]);
  const services = useMemo(() => (user ? connection.forUser(user) : undefined), [connection, user]);

  if (user === undefined) {
    return (
      <Box height={Math.max(1, rows - 1)}>
        <Text dimColor>starting…</Text>
      </Box>
    );
  }
  if (user === null || !services) {
    const loggedIn = (u: User, keys: Array<[string, Key]>) => {
      setTypedAhead(keys);
      setUser(u);
    };
    return (
      <LoginScreen account={connection.account} onLoggedIn={loggedIn} onQuit={onQuit} width={columns} height={Math.max(8, rows - 1)}
        initialMode={firstRun ? 'register' : 'login'} />
    );
  }
  return <MainScreen services={services} user={user} onQuit={onQuit} typedAhead={typedAhead} />;
}
