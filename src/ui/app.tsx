import { Box, Text } from 'ink';
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
  useEffect(() => {
    let live = true;
    connection.account.currentUser().then(
      (u) => live && setUser(u),
      () => live && setUser(null),
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
    return <LoginScreen account={connection.account} onLoggedIn={setUser} onQuit={onQuit} width={columns} height={Math.max(8, rows - 1)} />;
  }
  return <MainScreen services={services} user={user} onQuit={onQuit} />;
}
