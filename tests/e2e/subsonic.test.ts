import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { SubsonicAPI } from 'subsonic-api';
import { describe, expect, it } from 'vitest';
import { ALBUM_FIXTURES } from '../helpers/album-library.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

async function serve(home: string, extra: string[] = []): Promise<string> {
  return (await startServe(extra, { TUNES_HOME: home, ...homeDatabaseEnv(home) })).url;
}

const json = async (args: string[], home: string) => {
  const result = await runTunes([...args, '--json'], { home });
  if (result.code !== 0) throw new Error(`tunes ${args.join(' ')}: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
};

describe('a Subsonic client and the CLI see the same user data', () => {
  it('stars, scrobbles and playlists made over Subsonic show in tunes liked, history and playlist list; revoke ends the key', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const music = join(tempDir(), 'Music');
    cpSync(ALBUM_FIXTURES, music, { recursive: true });
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);

    const created = await runTunes(['apikey', 'create', 'phone'], { home });
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^tunes_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toContain('shown this once');
    expect(await json(['apikey', 'list'], home)).toEqual([expect.objectContaining({ name: 'phone', last_used_at: null })]);
    expect(JSON.stringify(await json(['apikey', 'list'], home))).not.toContain(key);

    const url = await serve(home);
    const client = new SubsonicAPI({ url, auth: { username: 'alice', password: key } });
    const hunter = (await client.search3({ query: 'hunter' })).searchResult3.song![0]!;
    await client.star({ id: hunter.id });
    const at = Date.parse('2026-11-30T20:15:00.000Z');
    await client.scrobble({ id: hunter.id, time: at, submission: true });
    await client.createPlaylist({ name: 'Road trip', songId: hunter.id } as never);

    const liked = (await json(['liked'], home)) as Array<{ song: { id: number } }>;
    expect(liked.map((entry) => entry.song.id)).toEqual([Number(hunter.id)]);
    const history = (await json(['history'], home)) as Array<{ started_at: string; song: { id: number } }>;
    expect(history[0]).toMatchObject({ started_at: '2026-11-30T20:15:00.000Z', song: { id: Number(hunter.id) } });
    const playlists = (await json(['playlist', 'list', '--no-built-ins'], home)) as Array<{ name: string; song_count: number }>;
    expect(playlists).toEqual([expect.objectContaining({ name: 'Road trip', song_count: 1 })]);
    const starred = (await client.getStarred2()).starred2.song ?? [];
    expect(starred.map((s) => s.id)).toEqual([hunter.id]);
    expect((await json(['apikey', 'list'], home)) as Array<{ last_used_at: string | null }>).toEqual([
      expect.objectContaining({ last_used_at: expect.any(String) }),
    ]);

    expect((await runTunes(['apikey', 'revoke', 'phone'], { home })).code).toBe(0);
    const after = (await client.ping()) as { status: string; error?: { code: number } };
    expect(after.status).toBe('failed');
    expect(after.error?.code).toBe(41);
    const missing = await runTunes(['apikey', 'revoke', 'phone'], { home });
    expect(missing.code).toBe(4);
  });
});

describe('tunes serve searches on its search threads', () => {
  it('answers search3 songs, albums and artists from the threads, typos forgiven', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const music = join(tempDir(), 'Music');
    cpSync(ALBUM_FIXTURES, music, { recursive: true });
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
    const key = (await runTunes(['apikey', 'create', 'phone'], { home })).stdout.trim();
    const url = await serve(home, ['--search-workers', '2']);
    const client = new SubsonicAPI({ url, auth: { username: 'alice', password: key } });
    const exact = (await client.search3({ query: 'hunter' })).searchResult3;
    expect(exact.song?.map((song) => song.title)).toEqual(['Hunter']);
    const typo = (await client.search3({ query: 'homogneic' })).searchResult3;
    expect(typo.album?.map((album) => album.name)).toContain('Homogenic');
    expect(typo.song?.map((song) => song.title)).toEqual(expect.arrayContaining(['Hunter', 'Jóga']));
    const artists = (await client.search3({ query: 'sigur rso' })).searchResult3;
    expect(artists.artist?.map((artist) => artist.name)).toEqual(['Sigur Rós']);
  });

  it('refuses a thread count out of range (exit 2)', async () => {
    const result = await runTunes(['serve', '--port', '0', '--search-workers', '17'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a whole number from 0 to 16');
  });
});
