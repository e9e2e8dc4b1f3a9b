import { describe, expect, it } from 'vitest';
import { connectServices } from '../../src/ui/connect-services.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { renderApp, uiFixture } from '../helpers/ui-harness.js';

describe('the browser follows seek-step and volume-step', () => {
  it('- and + change the volume by the step, and the help says how far ←/→ seek', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    await seedSongs(fx.store, [{ title: 'Only' }]);
    const app = renderApp(connectServices(fx.services, { seekSeconds: 12, volumeStep: 7 }));
    await app.waitFor((f) => f.includes('(1/1)') && f.includes('vol 100%'), 'songs and the bar');
    await app.type('-');
    await app.waitFor((f) => f.includes('vol 93%'), 'volume down by 7');
    await app.type('-', '+');
    await app.waitFor((f) => f.includes('vol 93%') && fx.services.playback.state().volume === 93, 'down and up by 7');
    await app.type('?');
    const help = await app.waitFor((f) => f.includes('seek back 12 s'), 'help');
    expect(help).toContain('seek forward 12 s');
    app.unmount();
  });
});
