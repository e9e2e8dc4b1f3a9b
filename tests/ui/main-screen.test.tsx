import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';

async function withSongs(count: number) {
  const fx = await uiFixture();
  await fx.register('alice');
  await seedSongs(
    fx.store,
    Array.from({ length: count }, (_, i) => ({
      title: `Track ${String(i + 1).padStart(3, '0')}`,
      // Ten songs an artist, five an album: the catalogue's order is the order made here.
      artist: `Artist ${String(Math.floor(i / 10)).padStart(2, '0')}`,
      album: `Album ${String(Math.floor(i / 5)).padStart(2, '0')}`,
      track_no: i + 1,
    })),
  );
  return fx;
}

const lines = (frame: string) => frame.split('\n');

describe('main screen', () => {
  it('lists songs in a window one row shorter than the terminal and moves with j/G/g', async () => {
    const fx = await withSongs(250);
    const app = renderApp(fx.connection, { columns: 100, rows: 30 });
    const first = await app.waitFor((f) => f.includes('(1/250)'), 'songs list');
    expect(lines(first)).toHaveLength(29);
    for (const line of lines(first)) expect(line.length).toBeLessThanOrEqual(100);
    expect(first).toContain('Songs');
    expect(first).toContain('Artists');
    expect(first).toContain('Nothing playing');
    expect(first).toContain('? help');
    // Only the visible window is rendered.
    expect(first.match(/Track \d{3}/g)).toHaveLength(25);
    expect(first).toContain('Track 025');
    expect(first).not.toContain('Track 026');

    await app.type('j', 'j');
    await app.waitFor((f) => f.includes('(3/250)'));
    await app.type('G');
    const bottom = await app.waitFor((f) => f.includes('(250/250)') && !f.includes('⋯'), 'bottom');
    expect(bottom).toContain('Track 250');
    expect(bottom).not.toContain('Track 225');
    await app.type('g');
    await app.waitFor((f) => f.includes('(1/250)'));
    app.unmount();
  });

  it('searches live with /, keeps results on Enter and leaves them with Esc', async () => {
    const fx = await withSongs(250);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/250)'));
    await app.type('/', 't', 'r', 'a', 'c', 'k', ' ', '1', '2', '3');
    const results = await app.waitFor((f) => f.includes('Track 123') && !f.includes('Track 001'), 'search results');
    expect(results).toContain('/ track 123');
    await app.type(KEYS.enter);
    const kept = await app.waitFor((f) => f.includes('Search: track 123'));
    expect(kept).toContain('(1/1)');
    await app.type(KEYS.escape);
    await app.waitFor((f) => f.includes('tunes › Songs (1/250)'), 'all songs again');
    app.unmount();
  });

  it('opens Artists -> albums -> songs and goes back', async () => {
    const fx = await withSongs(30);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/30)'));
    await app.type('h', 'j');
    const artists = await app.waitFor((f) => f.includes('tunes › Artists (1/3)'));
    expect(artists).toMatch(/Artist 00\s+2 albums\s+10 songs/);
    // Going back to the artists puts the cursor back on the artist that was opened.
    await app.type('l', 'j', KEYS.enter);
    await app.waitFor((f) => f.includes('Artists › Artist 01 (1/2)'));
    await app.type(KEYS.escape);
    await app.waitFor((f) => f.includes('tunes › Artists (2/3)'), 'cursor restored');
    await app.type('k', KEYS.enter);
    const albums = await app.waitFor((f) => f.includes('Artists › Artist 00 (1/2)'));
    expect(albums).toContain('Album 00');
    await app.type(KEYS.enter);
    const songs = await app.waitFor((f) => f.includes('Artists › Artist 00 › Album 00 (1/5)') && f.includes('Track 005'));
    expect(songs).toContain('Track 001');
    expect(songs).toContain('Track 005');
    expect(songs).not.toContain('Track 006');
    await app.type(KEYS.backspace);
    await app.waitFor((f) => f.includes('Artists › Artist 00 (1/2)'));
    app.unmount();
  });

  it('shows every key binding in the help overlay', async () => {
    const fx = await withSongs(5);
    const app = renderApp(fx.connection, { columns: 100, rows: 80 });
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('?');
    const help = await app.waitFor((f) => f.includes('Keys'));
    for (const text of ['Move', 'Playback', 'Playlists', 'j/↓', 'Space', 'pause / resume', 'like / unlike', 'q/Ctrl-c']) {
      expect(help).toContain(text);
    }
    await app.type('x');
    await app.waitFor((f) => !f.includes('pause / resume'), 'help closed');
    app.unmount();
  });

  it('takes Esc and a key arriving together as both (not as Alt+key)', async () => {
    const fx = await withSongs(5);
    const app = renderApp(fx.connection, { columns: 100, rows: 50 });
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('?');
    await app.waitFor((f) => f.includes('pause / resume'));
    await app.type(`${KEYS.escape}q`);
    await app.waitFor((f) => !f.includes('pause / resume'), 'help closed by the Esc');
    for (let i = 0; i < 500 && app.quits() === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(app.quits()).toBe(1);
    app.unmount();
  });

  it('creates a playlist, adds a song with the picker, and deletes it after confirming', async () => {
    const fx = await withSongs(5);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('j', 'a');
    await app.waitFor((f) => f.includes('Add “Track 002” to:') && f.includes('New playlist'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('New playlist name'));
    await app.type('Road trip', KEYS.enter);
    await app.waitFor((f) => f.includes('♪ Road trip') && f.includes('added “Track 002” to Road trip'));

    const user = await fx.services.session.currentUser();
    const detail = await fx.services.playlists.show(user.id, 'Road trip');
    expect(detail.entries.map((e) => e.song.title)).toEqual(['Track 002']);

    await app.type('h', 'G');
    const opened = await app.waitFor((f) => f.includes('Playlist: Road trip (1/1)'));
    expect(opened).toContain('Track 002');
    await app.type('D');
    await app.waitFor((f) => f.includes('Delete playlist “Road trip” (1 songs)?'));
    await app.type('n');
    await app.waitFor((f) => !f.includes('Delete playlist'));
    await app.type('D');
    await app.waitFor((f) => f.includes('Delete playlist'));
    await app.type('y');
    await app.waitFor((f) => f.includes('deleted “Road trip”') && !f.includes('♪ Road trip'));
    expect(await fx.services.playlists.list(user.id, { builtIns: false })).toEqual([]);
    app.unmount();
  });

  it('reorders with J/K and removes with d inside a playlist, as stored', async () => {
    const fx = await withSongs(3);
    const user = await fx.services.session.currentUser();
    const mix = await fx.services.playlists.create(user.id, 'Mix');
    const ids = (await fx.services.catalog.listSongs({ limit: 3 })).songs.map((s) => s.id);
    await fx.services.playlists.addSongs(user.id, { id: mix.id }, ids);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('♪ Mix'));
    await app.type('h', 'G');
    await app.waitFor((f) => f.includes('Playlist: Mix (1/3)') && f.includes('Track 003'));
    await app.type('l', 'J');
    await app.waitFor((f) => f.includes('Playlist: Mix (2/3)'));
    const order = async () => (await fx.services.playlists.show(user.id, { id: mix.id })).entries.map((e) => e.song.title);
    await app.waitFor((f) => f.indexOf('Track 002') < f.indexOf('Track 001'), 'moved down');
    expect(await order()).toEqual(['Track 002', 'Track 001', 'Track 003']);
    await app.type('K');
    await app.waitFor((f) => f.includes('Playlist: Mix (1/3)') && f.indexOf('Track 001') < f.indexOf('Track 002'), 'moved up');
    await app.type('d');
    await app.waitFor((f) => f.includes('removed “Track 001”') && f.includes('(1/2)'));
    expect(await order()).toEqual(['Track 002', 'Track 003']);
    app.unmount();
  });

  it('likes with L and shows the song under Liked', async () => {
    const fx = await withSongs(3);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/3)'));
    await app.type('L');
    await app.waitFor((f) => f.includes('♥ liked “Track 001”'));
    await app.type('h', 'j', 'j', 'j', 'j');
    const liked = await app.waitFor((f) => f.includes('tunes › Liked (1/1)') && f.includes('Track 001'));
    expect(liked).not.toContain('Track 002');
    app.unmount();
  });

  it('still works at 60x15: the sidebar collapses and Tab swaps it with the list', async () => {
    const fx = await withSongs(40);
    const app = renderApp(fx.connection, { columns: 60, rows: 15 });
    const frame = await app.waitFor((f) => f.includes('(1/40)'));
    expect(lines(frame)).toHaveLength(14);
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(60);
    expect(frame).not.toContain('Artists');
    expect(frame.match(/Track \d{3}/g)).toHaveLength(10);
    // The key hint drops what does not fit, never the way to help and out.
    expect(lines(frame).at(-1)).toMatch(/\? help {2}q quit$/);
    await app.type(KEYS.tab);
    const sidebar = await app.waitFor((f) => f.includes('Artists'));
    expect(sidebar).not.toContain('Track 001');
    app.unmount();
  });

  it('lists History newest first, with when each song was played and its length', async () => {
    const fx = await withSongs(3);
    const alice = await fx.services.session.currentUser();
    const songs = await fx.services.catalog.listSongs({ limit: 3, page: 1 });
    const [first, second] = songs.songs;
    await fx.services.history.recordListen({ userId: alice.id, songId: first!.id, startedAt: new Date('2026-11-20T10:00:00Z'), msPlayed: 60_000, durationMs: 180_000 });
    await fx.services.history.recordListen({ userId: alice.id, songId: second!.id, startedAt: new Date('2026-11-21T10:00:00Z'), msPlayed: 60_000, durationMs: 180_000 });
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/3)'));
    await app.type('h', 'j', 'j', 'j', 'j', 'j', 'j');
    const history = await app.waitFor((f) => f.includes('tunes › History (1/2)'), 'history view');
    const rows = lines(history).filter((line) => /Track 00[12]/.test(line));
    expect(rows.map((row) => row.match(/Track 00\d/)?.[0])).toEqual(['Track 002', 'Track 001']);
    for (const row of rows) expect(row).toMatch(/\d\d-\d\d \d\d:\d\d .*3:00\s*$/);
    app.unmount();
  });
});
