import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';
import { COLOR_THEME, MONO_THEME, themeFor } from '../../src/ui/theme.js';

describe('first run and the queue', () => {
  it('offers an admin to add a folder, shows the scan, then lists the songs', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    const home = tempDir();
    const music = join(home, 'music');
    mkdirSync(music);
    copyFixtures(music, ['mp3-id3v24.mp3', 'flac.flac', 'beyonce halo.mp3']);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('Your music library is empty.') && f.includes('Press Enter to add a music folder'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('Add a music folder'));
    // Typed as in a shell: ~ is the home folder.
    const realHome = process.env['HOME'];
    process.env['HOME'] = home;
    try {
      await app.type('~/music', KEYS.enter);
      const listed = await app.waitFor((f) => f.includes('(1/3)') && f.includes('Halo'), 'scanned songs');
      expect(listed).toContain(`added ${music}: 3 songs`);
    } finally {
      process.env['HOME'] = realHome;
    }
    app.unmount();
  });

  it('tells someone who is not an admin who can add music', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    await fx.register('bob');
    const app = renderApp(fx.connection);
    const frame = await app.waitFor((f) => f.includes('Your music library is empty.'));
    expect(frame).toContain('Only an admin can add music folders.');
    await app.type(KEYS.enter);
    expect(app.frame()).not.toContain('Add a music folder');
    app.unmount();
  });

  it('says so when the chosen song cannot be played (its file went away before a rescan)', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    const music = join(tempDir(), 'music');
    mkdirSync(music);
    copyFixtures(music, ['beyonce halo.mp3']);
    const user = await fx.services.session.currentUser();
    await fx.services.library.addRoots(user, [music]);
    rmSync(join(music, 'beyonce halo.mp3'));
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/1)'));
    await app.type(KEYS.enter);
    // Skipped with a warning; with nothing else queued, the last word is that nothing could be played.
    await app.waitFor((f) => f.includes('nothing left in the queue could be played') && f.includes('■ Halo — Beyoncé'), 'warning, stopped');
    app.unmount();
  });

  it('plays a list as the queue, then removes and reorders in the Queue view', async () => {
    const fx = await uiFixture();
    await fx.register('alice');
    const music = join(tempDir(), 'music');
    mkdirSync(music);
    copyFixtures(music, ['mp3-id3v24.mp3', 'flac.flac', 'beyonce halo.mp3']);
    const user = await fx.services.session.currentUser();
    await fx.services.library.addRoots(user, [music]);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/3)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => /[▶❚] \S/.test(f), 'playing');
    await app.type('m');
    await app.waitFor((f) => f.includes('muted'), 'muted');
    await app.type('m');
    await app.waitFor((f) => !f.includes('muted') && f.includes('vol 100%'), 'unmuted');
    await app.type('h', 'j', 'j', 'j', 'j', 'j');
    const queue = await app.waitFor((f) => f.includes('tunes › Queue (1/3)') && !f.includes('⋯'));
    // Titles in list order, from the list area only (the now-playing bar repeats one).
    const titles = (frame: string) =>
      [...frame.split('\n').slice(1, -3).join('\n').matchAll(/(FLAC Title|MP3 v2\.4 Title|Halo)/g)].map((m) => m[1]);
    const before = titles(queue);
    expect(before).toHaveLength(3);
    await app.type('l', 'J');
    const moved = await app.waitFor((f) => f.includes('Queue (2/3)') && titles(f).length === 3 && titles(f).join() !== before.join());
    expect(titles(moved)).toEqual([before[1], before[0], before[2]]);
    await app.type('d');
    // The count and the rows arrive separately (the Queue reloads when the player says it changed).
    const removed = await app.waitFor((f) => (f.includes('Queue (2/2)') || f.includes('Queue (1/2)')) && titles(f).length === 2);
    expect(titles(removed)).toHaveLength(2);
    expect(titles(removed)).not.toContain(before[0]);
    app.unmount();
  });
});

describe('theme', () => {
  it('goes monochrome when NO_COLOR is set', () => {
    expect(themeFor({ NO_COLOR: '1' })).toBe(MONO_THEME);
    expect(themeFor({})).toBe(COLOR_THEME);
    expect(Object.values(MONO_THEME).every((c) => c === undefined)).toBe(true);
  });
});
