import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';

interface AlbumJson {
  id: number;
  title: string;
  has_cover: boolean;
}

describe('covers of a remote library (getCoverArt at the size asked, kept in the cache folder)', () => {
  it('writes and shows the server\'s covers, asks the server once per cover and size, and says when there is none', async () => {
    const server = await serveTunesLibrary();
    let requests = '';
    server.child.stderr.on('data', (chunk: Buffer) => (requests += chunk.toString('utf8')));
    const laptop = tempDir();
    expect((await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' })).code).toBe(0);

    const remoteAlbums = await tunesJson<AlbumJson[]>(['albums'], laptop);
    const localAlbums = await tunesJson<AlbumJson[]>(['albums'], server.home);
    const covered = remoteAlbums.find((a) => a.has_cover)!;
    const same = localAlbums.find((a) => a.title === covered.title && a.has_cover)!;
    const mine = join(tempDir(), 'remote.jpg');
    const theirs = join(tempDir(), 'local.jpg');
    const wrote = await tunesJson<{ file: string; mime: string; byte_size: number }>(['cover', '--album', String(covered.id), '--size', '64', '-o', mine], laptop);
    expect(wrote).toMatchObject({ file: mine, mime: expect.stringMatching(/^image\//) });
    expect((await runTunes(['cover', '--album', String(same.id), '--size', '64', '-o', theirs], { home: server.home })).code).toBe(0);
    // The server fitted it: the same bytes as the server's own cover at that size.
    expect(readFileSync(mine).equals(readFileSync(theirs))).toBe(true);

    const folder = join(laptop, 'cache', 'remote-covers', new URL(server.url).host.replace(/[^A-Za-z0-9._-]+/g, '_'));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toHaveLength(1);
    const asked = () => requests.split('\n').filter((line) => line.includes('/rest/getCoverArt')).length;
    expect(asked()).toBe(1);
    expect((await runTunes(['cover', '--album', String(covered.id), '--size', '64', '-o', mine], { home: laptop })).code).toBe(0);
    expect(asked()).toBe(1);

    // A song's cover, drawn in the terminal (kitty's graphics escape), from the same cache folder.
    const songs = await tunesJson<Array<{ id: number; album: string }>>(['songs'], laptop);
    const song = songs.find((s) => s.album === covered.title)!;
    const shown = await runTunes(['cover', '--show', '--song', String(song.id)], { home: laptop, env: { TERM: 'xterm-kitty', NO_COLOR: undefined } });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^\x1b_Ga=T,f=100,q=2,c=24,r=12,m=[01];/);

    const bare = remoteAlbums.find((a) => !a.has_cover);
    if (bare) {
      const none = await runTunes(['cover', '--album', String(bare.id), '-o', mine], { home: laptop });
      expect(none.code).toBe(4);
      expect(none.stderr).toBe(`tunes: album ${bare.id} has no cover on ${new URL(server.url).host}\n`);
    }
  });
});
