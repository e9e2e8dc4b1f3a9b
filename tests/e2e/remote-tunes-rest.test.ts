import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { eventually, serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';

interface SongJson {
  id: number;
  title: string;
  artist: string;
}

async function loggedInLaptop(url: string): Promise<string> {
  const laptop = tempDir();
  const login = await runTunes(['login', '--server', url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' });
  if (login.code !== 0) throw new Error(`login: ${login.stderr}`);
  return laptop;
}

describe('tunes on a remote tunes library: history, filtered pages, logout', () => {
  it('shows the server\'s listening history, and logout ends the app key login made there', async () => {
    const server = await serveTunesLibrary();
    const laptop = await loggedInLaptop(server.url);
    expect(await tunesJson(['history'], laptop)).toEqual([]);
    expect((await runTunes(['play', 'hunter'], { home: laptop })).code).toBe(0);
    await eventually(
      () => tunesJson<unknown[]>(['history'], server.home),
      (entries) => entries.length > 0,
    );
    const local = await tunesJson<Array<{ song_id: number; ms_played: number; started_at: string; song: SongJson }>>(['history'], server.home);
    const remote = await tunesJson<Array<{ song_id: number; ms_played: number; started_at: string; song: SongJson & { path: string } }>>(['history'], laptop);
    expect(remote.map((e) => [e.song_id, e.ms_played, e.started_at, e.song.title])).toEqual(local.map((e) => [e.song_id, e.ms_played, e.started_at, e.song.title]));
    expect(remote[0]!.song.path).toBe(`${server.url}/rest/stream?id=${remote[0]!.song_id}`);
    const human = await runTunes(['history'], { home: laptop });
    expect(human.stdout).toMatch(/Björk - Hunter/);
    await runTunes(['stop'], { home: laptop });

    const key = (await tunesJson<Array<{ name: string }>>(['apikey', 'list'], server.home))[0]!.name;
    expect(key).toMatch(/^tunes on /);
    const out = await runTunes(['logout'], { home: laptop });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe("Logged out of " + new URL(server.url).host + " (this machine's app key there is ended); using this machine's library\n");
    expect(await tunesJson(['apikey', 'list'], server.home)).toEqual([]);
  });

  it('says so, in one line, when the key cannot be ended (the server is away), and forgets the server anyway', async () => {
    const server = await serveTunesLibrary();
    const laptop = await loggedInLaptop(server.url);
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('close', resolve));
    const out = await runTunes(['logout', '--json'], { home: laptop });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ logged_out: true, server: new URL(server.url).host, app_key_revoked: false });
    expect(out.stderr).toMatch(/^tunes: could not end this machine's app key on \S+ \(cannot reach .*connection refused\); on the server, tunes apikey list and tunes apikey revoke NAME end it\n$/);
    expect(await tunesJson(['servers'], laptop)).toEqual([]);
  });

  it('fills a page of words with whole-name filters from the server (never a short page while more match)', async () => {
    const server = await serveTunesLibrary();
    const laptop = await loggedInLaptop(server.url);
    for (const artist of ['Björk', 'The Homogenics']) {
      const args = ['songs', 'homogenic', '--artist', artist, '--limit', '1'];
      const local = await tunesJson<SongJson[]>(args, server.home);
      expect(local).toHaveLength(1);
      expect((await tunesJson<SongJson[]>(args, laptop)).map((s) => [s.id, s.title])).toEqual(local.map((s) => [s.id, s.title]));
      const page2 = [...args, '--page', '2'];
      expect((await tunesJson<SongJson[]>(page2, laptop)).map((s) => s.id)).toEqual((await tunesJson<SongJson[]>(page2, server.home)).map((s) => s.id));
    }
  });
});
