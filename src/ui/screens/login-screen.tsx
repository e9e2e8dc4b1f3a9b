import { Box, Text, type Key } from 'ink';
import { useLatestInput } from '../keys/key-layer.js';
import { useRef, useState, type ReactNode } from 'react';
import type { User } from '../../domain/user.js';
import type { UiAccount } from '../ports.js';
import { useTheme } from '../theme.js';
import { TextField } from '../widgets/text-input/text-field.js';
import { useTextField } from '../widgets/text-input/use-text-input.js';
import { terminalSafe } from '../../text/terminal-safe.js';

type Mode = 'login' | 'register';
type Field = 'username' | 'password' | 'repeat';

/**
 * Username and hidden password, Tab/↑/↓ between fields, Enter on the last field submits; Ctrl-R switches
 * between logging in and registering. Errors from the auth service are shown inline.
 */
export function LoginScreen({ account, onLoggedIn, onQuit, width, height, initialMode = 'login' }: {
  account: UiAccount;
  /** `typedAhead`: keys typed while the account was checked, for the next screen. */
  onLoggedIn(user: User, typedAhead: Array<[string, Key]>): void;
  onQuit(): void;
  width: number;
  height: number;
  /** 'register' on a brand-new install, where there is no account to log in to yet. */
  initialMode?: Mode;
}) {
  const theme = useTheme();
  const [mode, setMode] = useState<Mode>(initialMode);
  const [field, setField] = useState<Field>('username');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One listener routes keys to the focused field; refs keep it right when keys outrun re-renders.
  const modeRef = useRef<Mode>(initialMode);
  const fieldRef = useRef<Field>('username');
  const busyRef = useRef(false);
  // Keys typed while "logging in…": not lost, but handled once the answer is there.
  const typedAhead = useRef<Array<[string, Key]>>([]);
  const username = useTextField();
  const password = useTextField();
  const repeat = useTextField();
  const fields = { username, password, repeat };

  const order = (): Field[] => (modeRef.current === 'login' ? ['username', 'password'] : ['username', 'password', 'repeat']);
  const focus = (next: Field) => {
    fieldRef.current = next;
    setField(next);
  };
  const moveField = (delta: number) => {
    const list = order();
    focus(list[(list.indexOf(fieldRef.current) + delta + list.length) % list.length] ?? 'username');
  };

  useLatestInput((input, key) => {
    if (key.ctrl && input === 'c') return onQuit();
    if (busyRef.current) {
      typedAhead.current.push([input, key]);
      return;
    }
    handleKey(input, key);
  });

  function handleKey(input: string, key: Key): void {
    if (key.ctrl && input === 'r') {
      modeRef.current = modeRef.current === 'login' ? 'register' : 'login';
      setMode(modeRef.current);
      focus('username');
      setError(undefined);
      return;
    }
    const name = fieldRef.current;
    fields[name].handle(input, key, {
      onSubmit: () => (name === order().at(-1) ? void submit() : moveField(1)),
      onCancel: onQuit,
      onOtherKey: (_input, k) => {
        if (k.tab) moveField(k.shift ? -1 : 1);
        else if (k.downArrow) moveField(1);
        else if (k.upArrow) moveField(-1);
      },
    });
  }

  async function submit(): Promise<void> {
    const name = username.value().trim();
    if (!name) return setError('enter a username');
    if (modeRef.current === 'register' && password.value() !== repeat.value()) {
      // Both are typed again, from empty fields: which of the two was wrong cannot be seen.
      password.reset();
      repeat.reset();
      focus('password');
      return setError('passwords do not match');
    }
    busyRef.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const user = modeRef.current === 'login'
        ? await account.login(name, password.value())
        : await account.register(name, password.value());
      onLoggedIn(user, typedAhead.current.splice(0));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      // As login prompts do: the password is typed again, from an empty field.
      password.reset();
      repeat.reset();
      focus('password');
      busyRef.current = false;
      setBusy(false);
      // What was typed meanwhile (the password again, often) goes into the emptied field.
      for (const [input, key] of typedAhead.current.splice(0)) handleKey(input, key);
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
        {row('username', 'Username', <TextField state={username.state} focused={field === 'username' && !busy} />)}
        {row('password', 'Password', <TextField state={password.state} focused={field === 'password' && !busy} mask />)}
        {mode === 'register' ? row('repeat', 'Repeat', <TextField state={repeat.state} focused={field === 'repeat' && !busy} mask />) : null}
        {error ? <Text color={theme.error}>✗ {terminalSafe(error)}</Text> : null}
        {busy ? <Text dimColor>{mode === 'login' ? 'logging in…' : 'creating account…'}</Text> : null}
        <Text dimColor>Enter: next/submit  Tab: field</Text>
        <Text dimColor>Ctrl-R: {mode === 'login' ? 'register instead' : 'log in instead'}  Esc: quit</Text>
      </Box>
    </Box>
  );
}
