import { useEffect, useState } from 'preact/hooks';
import { logIn, register, registrationOpen } from '../session.js';

export function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [canRegister, setCanRegister] = useState(false);
  useEffect(() => {
    void registrationOpen().then(setCanRegister);
  }, []);
  const attempt = (action: (u: string, p: string) => Promise<void>) => async () => {
    setBusy(true);
    setError('');
    try {
      await action(username.trim(), password);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form
        aria-label="Log in"
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(logIn)();
        }}
      >
        <h1>tunes</h1>
        <label>
          Username
          <input name="username" autoComplete="username" required value={username} onInput={(event) => setUsername(event.currentTarget.value)} autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          Log in
        </button>
        {canRegister ? (
          <button type="button" disabled={busy || !username || !password} onClick={() => void attempt(register)()}>
            Create account
          </button>
        ) : null}
      </form>
    </main>
  );
}
