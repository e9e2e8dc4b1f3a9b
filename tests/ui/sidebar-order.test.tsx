import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { renderApp, uiFixture } from '../helpers/ui-harness.js';

describe('the sidebar', () => {
  it('lists the built-in smart playlists first (✦), then the user\'s own (smart or not) by name, even names that sort before them', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    await seedSongs(fx.store, [{ title: 'Track 001' }]);
    const user = await fx.services.session.currentUser();
    await fx.services.playlists.create(user.id, 'Zebra songs');
    await fx.services.playlists.create(user.id, 'Aardvark mix');
    await fx.services.playlists.create(user.id, 'Abba only', { rules: 'artist:abba' });
    const app = renderApp(fx.connection, { columns: 100, rows: 40 });
    const frame = await app.waitFor((f) => f.includes('♪ Zebra songs') && f.includes('(1/1)'), 'the sidebar with every playlist');
    const sidebar = frame
      .split('\n')
      .map((line) => /^[ ›]([✦♪] .*?)(?: {2,}|│|$)/.exec(line)?.[1]?.trim())
      .filter((entry): entry is string => entry !== undefined);
    expect(sidebar).toEqual([
      '✦ Forgotten favou…', // the sidebar's width at 100 columns
      '✦ Most played',
      '✦ Never played',
      '✦ Recently added',
      '♪ Aardvark mix',
      '✦ Abba only',
      '♪ Zebra songs',
    ]);
    app.unmount();
  });
});
