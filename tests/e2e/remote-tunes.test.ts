import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { eventually, serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';

interface SongJson {
  id: number;
  title: string;
  artist: string;
  path: string;
}

describe('tunes on a remote library: a second TUNES_HOME logged in to a real tunes serve', () => {
  it('logs in with a password (keeping an app key, never the password), browses, searches, edits playlists and likes on the server', async () => {
    const server = await serveTunesLibrary('correct horse');
    const laptop = tempDir();
    const login = await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('as alice');
    const configFile = join(laptop, 'config.json');
    const config = readFileSync(configFile, 'utf8');
    expect(config).not.toContain('correct horse');
    expect(JSON.parse(config).servers[new URL(server.url).host].credential.kind).toBe('apikey');
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    // The key made at login is the server's own, listed there like any app key.
    expect(await tunesJson<Array<{ name: string }>>(['apikey', 'list'], server.home)).toEqual([expect.objectContaining({ name: expect.stringMatching(/^tunes on /) })]);

    const who = await runTunes(['whoami'], { home: laptop });
    expect(who.stdout).toBe(`alice (admin) on ${new URL(server.url).host} (${server.url})\n`);

    const local = await tunesJson<SongJson[]>(['songs'], server.home);
    const remote = await tunesJson<SongJson[]>(['songs'], laptop);
    expect(remote.map((s) => [s.id, s.title, s.artist])).toEqual(local.map((s) => [s.id, s.title, s.artist]));
    expect(remote[0]!.path).toBe(`${server.url}/rest/stream?id=${remote[0]!.id}`);
    const found = await tunesJson<SongJson[]>(['songs', 'hunter'], laptop);
    expect(found.map((s) => s.title)).toEqual(['Hunter']);
    expect((await tunesJson<SongJson[]>(['songs', '--artist', 'björk'], laptop)).map((s) => s.title).sort()).toEqual(['Hunter', 'Jóga']);
    expect((await tunesJson<SongJson>(['songs', 'show', String(found[0]!.id)], laptop)).title).toBe('Hunter');
    expect((await tunesJson<Array<{ title: string }>>(['albums'], laptop)).map((a) => a.title)).toContain('Homogenic');

    const [a, b, c] = remote;
    expect((await runTunes(['playlist', 'create', 'Road trip'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'add', 'Road trip', String(a!.id), String(b!.id), String(c!.id)], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'move', 'Road trip', '3', '1'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'remove', 'Road trip', '2'], { home: laptop })).code).toBe(0);
    const onServer = await tunesJson<{ entries: Array<{ song: { id: number } }> }>(['playlist', 'show', 'Road trip'], server.home);
    expect(onServer.entries.map((e) => e.song.id)).toEqual([c!.id, b!.id]);
    expect((await runTunes(['playlist', 'rename', 'Road trip', 'Trip'], { home: laptop })).code).toBe(0);
    expect((await tunesJson<Array<{ name: string }>>(['playlist', 'list', '--no-built-ins'], server.home)).map((p) => p.name)).toEqual(['Trip']);
    const exported = await runTunes(['playlist', 'export', 'Trip'], { home: laptop });
    expect(exported.stdout).toContain(`#EXTINF:1,${c!.artist} - ${c!.title}`);

    expect((await runTunes(['like', String(a!.id)], { home: laptop })).code).toBe(0);
    expect((await tunesJson<Array<{ song: { id: number } }>>(['liked'], server.home)).map((l) => l.song.id)).toEqual([a!.id]);
    expect((await tunesJson<Array<{ song: { id: number } }>>(['liked'], laptop)).map((l) => l.song.id)).toEqual([a!.id]);
    expect((await runTunes(['unlike', String(a!.id)], { home: laptop })).code).toBe(0);
    expect(await tunesJson(['liked'], server.home)).toEqual([]);
    // About thirty commands, each a process: past the default 60 s on a loaded box.
  }, 180_000);

  it('plays a remote song to the end on the background player, and the server counts it in its history', async () => {
    const server = await serveTunesLibrary();
    const laptop = tempDir();
    expect((await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' })).code).toBe(0);
    const played = await runTunes(['play', 'hunter'], { home: laptop });
    expect(played.code, played.stderr).toBe(0);
    const history = await eventually(
      () => tunesJson<Array<{ song: { title: string } }>>(['history'], server.home),
      (entries) => entries.length > 0,
    );
    expect(history.map((h) => h.song.title)).toEqual(['Hunter']);
    const status = await tunesJson<{ status: string; song: { title: string } | null }>(['status'], laptop);
    expect(status.song?.title).toBe('Hunter');
    // The player's saved queue names the song by its id, never by a URL with the app key in it.
    const state = readFileSync(join(laptop, (await import('node:fs')).readdirSync(laptop).find((f) => /^player-.*\.json$/.test(f))!), 'utf8');
    expect(state).not.toMatch(/tunes_|apiKey/);
  });

  it('logs in with an app key, says what happens on the server, switches libraries, and fails in one line when the server is gone', async () => {
    const server = await serveTunesLibrary();
    const key = (await runTunes(['apikey', 'create', 'laptop'], { home: server.home })).stdout.trim();
    const laptop = tempDir();
    const login = await runTunes(['login', '--server', server.url, '--apikey-stdin', '--name', 'home'], { home: laptop, input: `${key}\n` });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('Logged in to home as alice');
    expect((await tunesJson<Array<{ name: string; current: boolean; auth: string }>>(['servers'], laptop))).toEqual([
      expect.objectContaining({ name: 'home', current: true, auth: 'apikey', username: 'alice' }),
    ]);
    expect((await tunesJson<unknown[]>(['songs'], laptop)).length).toBeGreaterThan(0);

    const scan = await runTunes(['library', 'add', tempDir()], { home: laptop });
    expect(scan.code).toBe(2);
    expect(scan.stderr).toMatch(/^tunes: library folders and scans happen on the server \(home\)/);
    const stats = await runTunes(['stats', '--year', '2026'], { home: laptop });
    expect(stats.code, stats.stderr).toBe(6);
    expect(stats.stderr).toMatch(/^tunes: listening stats is not supported on a remote library \(home\)/);

    const wrong = await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: tempDir(), input: 'not it\n' });
    expect(wrong.code).toBe(3);

    expect((await runTunes(['server', 'use', 'local'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['whoami'], { home: laptop })).code).toBe(3);
    expect((await runTunes(['server', 'use', 'home'], { home: laptop })).code).toBe(0);

    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('close', resolve));
    const gone = await runTunes(['songs'], { home: laptop });
    expect(gone.code).toBe(6);
    expect(gone.stderr).toMatch(/^tunes: cannot reach home \(http:\/\/127\.0\.0\.1:\d+\): connection refused\n$/);

    const out = await runTunes(['logout'], { home: laptop });
    expect(out.stdout).toBe("Logged out of home; using this machine's library\n");
    expect(readFileSync(join(laptop, 'config.json'), 'utf8')).not.toContain(key);
  });
});
