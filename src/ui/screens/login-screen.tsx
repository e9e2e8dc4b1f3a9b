import { Box, Text, useInput } from 'ink';
import { useState, type ReactNode } from 'react';
import type { User } from '../../db/schema.js';
import type { UiAccount } from '../ports.js';
import { useTheme } from '../theme.js';
import { TextField } from '../widgets/text-input/text-field.js';
import { useTextInput } from '../widgets/text-input/use-text-input.js';

type Mode = 'login' | 'register';
type Field = 'username' | 'password' | 'repeat';

/**
 * Username and hidden password, Tab/↑/↓ between fields, Enter on the last field submits; Ctrl-R switches
 * between logging in and registering. Errors from the auth service are shown inline.
 */
export function LoginScreen({ account, onLoggedIn, onQuit, width, height }: {
  account: UiAccount;
  onLoggedIn(user: User): void;
  onQuit(): void;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const [mode, setMode] = useState<Mode>('login');
  const [field, setField] = useState<Field>('username');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fields: Field[] = mode === 'login' ? ['username', 'password'] : ['username', 'password', 'repeat'];
  const moveField = (delta: number) => {
    const index = (fields.indexOf(field) + delta + fields.length) % fields.length;
    setField(fields[index] ?? 'username');
  };
  const handlers = (name: Field) => ({
    onSubmit: () => (name === fields[fields.length - 1] ? void submit() : moveField(1)),
    onCancel: onQuit,
    onOtherKey: (_input: string, key: { tab: boolean; shift: boolean; upArrow: boolean; downArrow: boolean }) => {
      if (key.tab) moveField(key.shift ? -1 : 1);
      else if (key.downArrow) moveField(1);
      else if (key.upArrow) moveField(-1);
    },
  });
  const username = useTextInput('', !busy && field === 'username', handlers('username'));
  const password = useTextInput('', !busy && field === 'password', handlers('password'));
  const repeat = useTextInput('', !busy && field === 'repeat', handlers('repeat'));

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'r') {
        setMode((m) => (m === 'login' ? 'register' : 'login'));
        setField('username');
        setError(undefined);
      } else if (key.ctrl && input === 'c') onQuit();
    },
    { isActive: !busy },
  );

  async function submit(): Promise<void> {
    if (!username.value.trim()) return setError('enter a username');
    if (mode === 'register' && password.value !== repeat.value) return setError('passwords do not match');
    setBusy(true);
    setError(undefined);
    try {
      const user = mode === 'login'
        ? await account.login(username.value.trim(), password.value)
        : await account.register(username.value.trim(), password.value);
      onLoggedIn(user);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  const row = (name: Field, label: string, node: ReactNode) => (
    <Text>
      <Text bold={field === name} color={field === name ? theme.accent : undefined}>
        {label.padEnd(10)}
      </Text>
      {node}
    </Text>
  );
  return (
    <Box width={width} height={height} flexDirection="column" alignItems="center" justifyContent="center">
      <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={2} width={Math.min(width - 2, 50)}>
        <Text bold color={theme.accent}>
          tunes — {mode === 'login' ? 'log in' : 'create an account'}
        </Text>
        {row('username', 'Username', <TextField state={username} focused={field === 'username' && !busy} />)}
        {row('password', 'Password', <TextField state={password} focused={field === 'password' && !busy} mask />)}
        {mode === 'register' ? row('repeat', 'Repeat', <TextField state={repeat} focused={field === 'repeat' && !busy} mask />) : null}
        {error ? <Text color={theme.error}>✗ {error}</Text> : null}
        {busy ? <Text dimColor>{mode === 'login' ? 'logging in…' : 'creating account…'}</Text> : null}
        <Text dimColor>Enter: next/submit  Tab: field</Text>
        <Text dimColor>Ctrl-R: {mode === 'login' ? 'register instead' : 'log in instead'}  Esc: quit</Text>
      </Box>
    </Box>
  );
}
