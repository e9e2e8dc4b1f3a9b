import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';

async function withAlbums() {
  const fx = await uiFixture();
  await fx.register('alice');
  await seedSongs(fx.store, [
    // A compilation whose track artists would sort it 2, 1 by artist: it stays in track order.
    { title: 'Hit Two', artist: 'Ay', album: 'Hits', album_artist: 'Various Artists', track_no: 2, path: '/m/Hits/2.mp3' },
    { title: 'Hit One', artist: 'Bee', album: 'Hits', album_artist: 'Various Artists', track_no: 1, path: '/m/Hits/1.mp3' },
    { title: 'Own Song', artist: 'Bee', album: 'Bee Album', track_no: 1 },
    { title: 'Hunter', artist: 'Björk', album: 'Homogenic', track_no: 1 },
    { title: 'Other', artist: 'The Homogenics', album: 'Homogenic', track_no: 1 },
    // Tags are outside text: an escape in them must never reach the terminal.
    { title: 'Cleared', artist: 'Zed\u001b[2J', album: 'Wipe\u001b]0;owned\u0007', track_no: 1 },
  ]);
  return fx;
}

describe('albums and artists in the browser', () => {
  it('lists one row per real album, same-named albums apart, and opens one in track order', async () => {
    const fx = await withAlbums();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type('h', 'j', 'j', 'l');
    const albums = await app.waitFor((f) => f.includes('tunes › Albums (1/5)'));
    expect(albums).toMatch(/Homogenic\s+Björk/);
    expect(albums).toMatch(/Homogenic\s+The Homogenics/);
    expect(albums).toMatch(/Hits\s+Various Artists\s+2 songs/);
    // Shown as visible stand-ins (␛), not swallowed or sent on.
    expect(albums).toContain('Wipe␛]0;owned␇');
    expect(albums).not.toContain('\u001b');
    await app.type('j', KEYS.enter); // Bee Album, then Hits
    const hits = await app.waitFor((f) => f.includes('Albums › Various Artists › Hits (1/2)'));
    expect(hits.indexOf('Hit One')).toBeLessThan(hits.indexOf('Hit Two'));
    app.unmount();
  });

  it("shows an artist's albums, then Appears on with albums by others", async () => {
    const fx = await withAlbums();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type('h', 'j', 'l');
    const artists = await app.waitFor((f) => f.includes('tunes › Artists (1/5)'));
    // Album artists only: Ay is on the compilation, not an album artist.
    expect(artists).not.toMatch(/\bAy\b/);
    expect(artists).toContain('Various Artists');
    expect(artists).toContain('Zed␛[2J');
    expect(artists).not.toContain('\u001b');
    await app.type(KEYS.enter); // Bee
    const page = await app.waitFor((f) => f.includes('Artists › Bee (1/3)'));
    expect(page).toMatch(/Bee Album[\s\S]*── Appears on ─+[\s\S]*Hits\s+Various Artists/);
    await app.type('j', KEYS.enter); // the heading: nothing opens
    await app.type('j');
    await app.waitFor((f) => f.includes('Artists › Bee (3/3)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('Artists › Bee › Hits (1/2)'));
    app.unmount();
  });
});
