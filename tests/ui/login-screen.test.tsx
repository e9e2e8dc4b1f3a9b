import { describe, expect, it } from 'vitest';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';

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

  it('switches to registering with Ctrl-R and checks the repeated password', async () => {
    const fx = await uiFixture();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('log in'));
    await app.type(KEYS.ctrlR);
    expect(await app.waitFor((f) => f.includes('create an account'))).toContain('Repeat');
    await app.type('bob', KEYS.tab, 'password one', KEYS.tab, 'password two', KEYS.enter);
    await app.waitFor((f) => f.includes('passwords do not match'));
    await app.type(...Array.from({ length: 3 }, () => KEYS.backspace), 'one', KEYS.enter);
    await app.waitFor((f) => f.includes('tunes › Songs'), 'main screen after register');
    expect((await fx.services.session.currentUser()).role).toBe('admin');
    app.unmount();
  });
});
