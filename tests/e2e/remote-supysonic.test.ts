import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { eventually, tunesJson } from '../helpers/remote-server.js';
import { startSupysonic } from '../helpers/supysonic.js';
import { tempDir } from '../helpers/temp-dir.js';

interface SongJson {
  id: number;
  title: string;
  artist: string;
}

describe('tunes on a Subsonic server that is not tunes (supysonic: password auth only, UUID ids, API 1.10)', () => {
  it('logs in (the password sealed, not in plain text), browses, searches, edits playlists, likes and plays', async () => {
    const server = await startSupysonic('correct horse');
    const laptop = tempDir();
    const login = await runTunes(['login', '--server', server.url, 'alice', '--password-stdin', '--name', 'supy'], { home: laptop, input: 'correct horse\n' });
    expect(login.code, login.stderr).toBe(0);
    const config = readFileSync(join(laptop, 'config.json'), 'utf8');
    expect(config).not.toContain('correct horse');
    expect(config).not.toContain(Buffer.from('correct horse').toString('hex'));
    expect(JSON.parse(config).servers.supy.credential.kind).toBe('sealed-password');
    expect((await runTunes(['whoami'], { home: laptop })).stdout).toBe(`alice (user) on supy (${server.url})\n`);

    const songs = await tunesJson<SongJson[]>(['songs'], laptop);
    expect(songs).toHaveLength(23);
    const takk = await tunesJson<SongJson[]>(['songs', 'takk'], laptop);
    expect(takk.map((s) => s.title).sort()).toEqual(['Takk 1', 'Takk 10', 'Takk 2']);
    expect((await tunesJson<SongJson>(['songs', 'show', String(takk[0]!.id)], laptop)).title).toBe(takk[0]!.title);
    expect((await tunesJson<Array<{ title: string }>>(['albums'], laptop)).map((a) => a.title)).toContain('Takk');

    const ids = takk.map((s) => String(s.id));
    expect((await runTunes(['playlist', 'create', 'Road'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'add', 'Road', ...ids], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'move', 'Road', '3', '1'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'remove', 'Road', '2'], { home: laptop })).code).toBe(0);
    const shown = await tunesJson<{ entries: Array<{ song: { id: number } }> }>(['playlist', 'show', 'Road'], laptop);
    expect(shown.entries.map((e) => String(e.song.id))).toEqual([ids[2], ids[1]]);
    const onServer = (await (await fetch(`${server.url}/rest/getPlaylists?${server.auth}`)).json()) as { 'subsonic-response': { playlists: { playlist: Array<{ name: string; songCount: number }> } } };
    expect(onServer['subsonic-response'].playlists.playlist).toEqual([expect.objectContaining({ name: 'Road', songCount: 2 })]);

    expect((await runTunes(['like', ids[0]!], { home: laptop })).code).toBe(0);
    expect((await tunesJson<Array<{ song: { id: number } }>>(['liked'], laptop)).map((l) => String(l.song.id))).toEqual([ids[0]]);

    const played = await runTunes(['play', 'takk', '10'], { home: laptop });
    expect(played.code, played.stderr).toBe(0);
    await eventually(
      () => tunesJson<{ status: string; position_ms: number }>(['status'], laptop),
      (s) => s.status === 'stopped' && s.position_ms > 0,
    );
    const recent = (await (await fetch(`${server.url}/rest/getAlbumList2?type=recent&${server.auth}`)).json()) as { 'subsonic-response': { albumList2: { album?: Array<{ name: string }> } } };
    expect(recent['subsonic-response'].albumList2.album?.map((a) => a.name)).toEqual(['Takk']);

    const history = await runTunes(['history'], { home: laptop });
    expect(history.code).toBe(6);
    expect(history.stderr).toBe('tunes: listening history is not supported by this server (supy)\n');
  });
});
