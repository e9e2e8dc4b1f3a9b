import { describe, expect, it } from 'vitest';
import { buildKeyTable } from '../../src/services/keys/key-table.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { renderApp, uiFixture } from '../helpers/ui-harness.js';

describe('the browser follows seek-step and volume-step', () => {
  it('- and + change the volume by the step, and the help says how far ←/→ seek', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    await seedSongs(fx.store, [{ title: 'Only' }]);
    // The steps are in the key table (the browser builds it from the settings).
    const app = renderApp(fx.connection, { columns: 100, rows: 50 }, undefined, buildKeyTable({ seekStep: 12, volumeStep: 7 }));
    await app.waitFor((f) => f.includes('(1/1)') && f.includes('vol 100%'), 'songs and the bar');
    await app.type('-');
    await app.waitFor((f) => f.includes('vol 93%'), 'volume down by 7');
    const player = await fx.player.connect();
    await app.type('-', '+');
    await app.waitFor((f) => f.includes('vol 93%'), 'down and up by 7');
    expect((await player.state()).volume).toBe(93);
    await app.type('?');
    const help = await app.waitFor((f) => f.includes('seek back 12 s'), 'help');
    expect(help).toContain('seek forward 12 s');
    app.unmount();
  });
});
