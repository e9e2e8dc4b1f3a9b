import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';

/** music/Björk/Homogenic/{01, 2, 10}, music/Björk/Post/01, music/top.mp3 */
async function folderLibrary() {
  const fx = await uiFixture();
  await fx.register('alice');
  const music = join(tempDir(), 'music');
  const album = join(music, 'Björk', 'Homogenic');
  mkdirSync(album, { recursive: true });
  mkdirSync(join(music, 'Björk', 'Post'));
  cpSync(join(FIXTURES_DIR, 'flac.flac'), join(album, '01 Hunter.flac'));
  cpSync(join(FIXTURES_DIR, 'vorbis.ogg'), join(album, '2 Jóga.ogg'));
  cpSync(join(FIXTURES_DIR, 'opus.opus'), join(album, '10 All Is Full of Love.opus'));
  cpSync(join(FIXTURES_DIR, 'wav.wav'), join(music, 'Björk', 'Post', '01 Army of Me.wav'));
  cpSync(join(FIXTURES_DIR, 'no tags at all.mp3'), join(music, 'top.mp3'));
  await fx.services.library.addRoots(await fx.services.session.currentUser(), [music]);
  return { fx, music };
}

/** The list area's lines (between the title and the now-playing bar), without the sidebar. */
const listLines = (frame: string) => frame.split('\n').slice(1, -3).map((line) => line.slice(22).trimEnd()).filter(Boolean);

describe('the Folders view', () => {
  it('browses folders first, then files in natural order, and plays a folder from the file chosen', async () => {
    const { fx, music } = await folderLibrary();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('h', 'j', 'j', 'j', 'l');
    const roots = await app.waitFor((f) => f.includes('tunes › Folders (1/1)'));
    expect(listLines(roots)[0]).toMatch(new RegExp(`^▸ ${music}/\\s+5 songs$`));
    await app.type(KEYS.enter);
    const top = await app.waitFor((f) => f.includes('(1/2)') && f.includes('top.mp3'));
    expect(listLines(top)[0]).toMatch(/^▸ Björk\/\s+4 songs$/);
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('› Björk (1/2)') && f.includes('Post/'));
    await app.type(KEYS.enter);
    const album = await app.waitFor((f) => f.includes('› Homogenic (1/3)'));
    expect(listLines(album).map((line) => line.match(/^\s*(\S+)/)?.[1])).toEqual(['01', '2', '10']);

    // Enter on a file: the folder's files are the queue, from that one.
    await app.type('j', KEYS.enter);
    await app.waitFor((f) => /[▶❚] Vorbis Title/.test(f), 'playing the second file');
    // The sidebar is still on Folders: two down is the Queue.
    await app.type('h', 'j', 'j', 'l');
    const queue = await app.waitFor((f) => f.includes('tunes › Queue (1/3)') && f.includes('Opus Title'), 'queue of the three files');
    expect(listLines(queue).map((line) => line.match(/(FLAC|Vorbis|Opus|WAV) Title/)?.[1])).toEqual(['FLAC', 'Vorbis', 'Opus']);
    app.unmount();
  });

  it('adds a whole folder to a playlist with a', async () => {
    const { fx } = await folderLibrary();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('h', 'j', 'j', 'j', 'l');
    await app.waitFor((f) => f.includes('tunes › Folders (1/1)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('(1/2)') && f.includes('Björk/'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('› Björk (1/2)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('› Homogenic (1/3)'));
    await app.type(KEYS.backspace);
    const back = await app.waitFor((f) => f.includes('› Björk (1/2)'), 'back up');
    expect(back).not.toContain('Homogenic (1/3)');
    await app.type('a');
    await app.waitFor((f) => f.includes('Add “Homogenic/” to:'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('New playlist name'));
    await app.type('Homogenic only', KEYS.enter);
    await app.waitFor((f) => f.includes('added Homogenic/ (3 songs) to Homogenic only') && f.includes('♪ Homogenic only'));
    const playlists = await fx.services.playlists.list((await fx.services.session.currentUser()).id, { builtIns: false });
    expect(playlists.map((p) => [p.name, p.song_count])).toEqual([['Homogenic only', 3]]);
    app.unmount();
  });

  it('e queues every song under the folder selected, in path order', async () => {
    const { fx } = await folderLibrary();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/5)'));
    await app.type('h', 'j', 'j', 'j', 'l');
    await app.waitFor((f) => f.includes('tunes › Folders (1/1)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => f.includes('(1/2)') && f.includes('Björk/'));
    await app.type('e');
    await app.waitFor((f) => f.includes('added to the queue: Björk/ (4 songs)'));
    const queue = await (await fx.player.connect()).queue();
    expect(queue.entries.map((e) => e.song.title)).toEqual(['FLAC Title', 'Vorbis Title', 'Opus Title', 'WAV Title']);
    app.unmount();
  });
});
