import { describe, expect, it } from 'vitest';
import { KEYS, renderApp, settle, uiFixture } from '../helpers/ui-harness.js';

describe('login screen', () => {
  it('shows a wrong password inline, then logs in', async () => {
    const fx = await uiFixture();
    await fx.register('alice', 'correct horse');
    await fx.services.session.logout();
    const app = renderApp(fx.connection);
    const login = await app.waitFor((f) => f.includes('tunes — log in'), 'login screen');
    expect(login).toContain('Username');
    expect(login).toContain('Password');

    await app.type('alice', KEYS.tab, 'wrong password', KEYS.enter);
    await app.waitFor((f) => f.includes('✗ invalid username or password'), 'inline error');
    expect(app.frame()).not.toContain('wrong password');
    // As login prompts do: the password field is emptied, and has the focus for the next try.
    expect(app.frame()).not.toContain('•');
    await app.type('correct horse', KEYS.enter);
    const main = await app.waitFor((f) => f.includes('tunes › Songs'), 'main screen');
    expect(main).toContain('alice');
    expect((await fx.services.session.currentUser()).username).toBe('alice');
    app.unmount();
  });

  it('opens on "create an account" on a brand-new install; Ctrl-R switches; a mismatch empties both password fields', async () => {
    const fx = await uiFixture();
    const app = renderApp(fx.connection);
    expect(await app.waitFor((f) => f.includes('tunes — create an account'), 'register screen first')).toContain('Repeat');
    await app.type(KEYS.ctrlR);
    await app.waitFor((f) => f.includes('tunes — log in'));
    await app.type(KEYS.ctrlR);
    await app.waitFor((f) => f.includes('tunes — create an account'));
    await app.type('bob', KEYS.tab, 'password one', KEYS.tab, 'password two', KEYS.enter);
    await app.waitFor((f) => f.includes('passwords do not match'));
    // Neither field keeps its text: the cursor is back in the emptied password field.
    expect(app.frame()).not.toContain('•');
    await app.type('password one', KEYS.tab, 'password one', KEYS.enter);
    await app.waitFor((f) => f.includes('tunes › Songs'), 'main screen after register');
    expect((await fx.services.session.currentUser()).role).toBe('admin');
    app.unmount();
  });

  it('opens on "log in" once an account exists', async () => {
    const fx = await uiFixture();
    await fx.register('alice', 'correct horse');
    await fx.services.session.logout();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('tunes — log in'), 'login screen');
    app.unmount();
  });

  it('keeps the keys typed while "logging in…": after a refusal they go to the password field, after success to the main screen', async () => {
    const fx = await uiFixture();
    await fx.register('alice', 'correct horse');
    await fx.services.session.logout();
    // The real account, with each login held until the test lets it answer.
    const held: Array<() => void> = [];
    const account = {
      ...fx.connection.account,
      login: async (name: string, password: string) => {
        await new Promise<void>((resolve) => held.push(resolve));
        return fx.connection.account.login(name, password);
      },
    };
    const attempts = async (n: number) => {
      while (held.length < n) await settle();
    };
    const app = renderApp({ ...fx.connection, account });
    await app.waitFor((f) => f.includes('tunes — log in'));
    await app.type('alice', KEYS.tab, 'wrong password', KEYS.enter);
    await app.waitFor((f) => f.includes('logging in…'));
    await app.type('correct horse', KEYS.enter);
    held[0]!();
    // Refused; the password typed meanwhile went into the emptied field and Enter sent it.
    await attempts(2);
    await app.type('/');
    held[1]!();
    // The '/' typed while logging in opened the search box on the main screen.
    await app.waitFor((f) => f.includes('Enter keep · Esc leave'), 'search opened by the key typed ahead');
    expect((await fx.services.session.currentUser()).username).toBe('alice');
    app.unmount();
  });
});
