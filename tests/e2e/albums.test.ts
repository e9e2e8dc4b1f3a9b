import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALBUM_FIXTURES } from '../helpers/album-library.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// One TUNES_HOME whose admin has scanned the album fixtures, shared by these tests: none changes the
// library (registering costs a real scrypt each time).
let shared: string;
beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'tunes-albums-e2e-'));
  const home = join(shared, 'home');
  await registerUser(home, 'admin');
  cpSync(ALBUM_FIXTURES, join(shared, 'Music'), { recursive: true });
  const scan = await runTunes(['library', 'add', join(shared, 'Music')], { home });
  if (scan.code !== 0) throw new Error(scan.stderr);
});
afterAll(() => rmSync(shared, { recursive: true, force: true }));

async function scannedHome() {
  return { home: join(shared, 'home') };
}

describe('tunes albums, artists, cover', () => {
  it('lists albums as the record sleeves have them, and the songs of one in disc/track order', async () => {
    const { home } = await scannedHome();
    const albums = await runTunes(['albums', '--json'], { home });
    expect(albums.code).toBe(0);
    const list = JSON.parse(albums.stdout) as Array<{ id: number; title: string; artist: string }>;
    expect(list.map((a) => `${a.title} / ${a.artist}`)).toContain('The Battle for Wesnoth OST / Wesnoth Team');
    expect(list.filter((a) => a.title === 'Homogenic')).toHaveLength(2);

    const table = await runTunes(['albums', '--artist', 'VARIOUS ARTISTS', '--sort', 'name'], { home, env: { COLUMNS: '100' } });
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+ALBUM\s+ARTIST\s+YEAR\s+SONGS\s+LENGTH$/);
    expect(table.stdout).toContain('Now That Is Music');

    const songs = await runTunes(['songs', '--album', 'the battle for wesnoth ost', '--json'], { home });
    expect((JSON.parse(songs.stdout) as Array<{ title: string }>).map((s) => s.title)).toEqual([
      'Theme 1.1', 'Theme 1.2', 'Theme 1.3', 'Theme 2.1', 'Theme 2.2', 'Theme 2.3',
    ]);
    const ost = list.find((a) => a.title === 'The Battle for Wesnoth OST')!;
    const show = await runTunes(['albums', 'show', String(ost.id)], { home });
    expect(show.stdout).toMatch(/^The Battle for Wesnoth OST — Wesnoth Team \(2008\)/);
    expect(show.stdout).toMatch(/1-01 .*Theme 1\.1[\s\S]*2-03 .*Theme 2\.3/);
    expect(await runTunes(['albums', 'show', '999'], { home })).toMatchObject({ code: 4 });
    expect(await runTunes(['albums', '--sort', 'size'], { home })).toMatchObject({ code: 2 });
  });

  it('plays an album in disc/track order, never by track artist', async () => {
    const { home } = await scannedHome();
    const played = await runTunes(['play', '--album', 'Now That Is Music'], { home });
    expect(played).toMatchObject({ code: 0, stderr: '' });
    expect(played.stdout.trim().split('\n')).toEqual([
      '1/4 Ay - First (0:01)', '2/4 Bee - Second (0:01)', '3/4 Sea - Third (0:01)', '4/4 Dee - Fourth (0:01)',
    ]);
  });

  it('lists album artists and an artist page with appears-on', async () => {
    const { home } = await scannedHome();
    const artists = JSON.parse((await runTunes(['artists', '--json'], { home })).stdout) as Array<{ id: number; name: string; album_count: number }>;
    expect(artists.find((a) => a.name === 'Various Artists')).toMatchObject({ album_count: 3 });
    expect(artists.map((a) => a.name)).not.toContain('Bee');
    const songs = JSON.parse((await runTunes(['songs', '--artist', 'bee', '--json'], { home })).stdout) as Array<{ artist_id: number }>;
    const page = await runTunes(['artists', 'show', String(songs[0]!.artist_id)], { home });
    expect(page.stdout).toMatch(/^Bee {2}\[artist \d+\]\n\nNo albums of their own\.\n\nAppears on/);
  });

  it('writes a cover to a file, resized, or says why not', async () => {
    const { home } = await scannedHome();
    const list = JSON.parse((await runTunes(['albums', '--json'], { home })).stdout) as Array<{ id: number; title: string; artist: string; has_cover: boolean }>;
    const game = list.find((a) => a.title === 'Game Music')!;
    const out = join(tempDir(), 'cover.jpg');
    const written = await runTunes(['cover', '--album', String(game.id), '-o', out, '--size', '24', '--json'], { home });
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ album_id: game.id, file: out, mime: 'image/jpeg' });
    expect(readFileSync(out).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const none = list.find((a) => !a.has_cover)!;
    const missing = await runTunes(['cover', '--album', String(none.id), '-o', out], { home });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('has no cover');
    expect(await runTunes(['cover', '-o', out], { home })).toMatchObject({ code: 2 });
    expect(await runTunes(['cover', '--album', String(game.id), '--song', '1', '-o', out], { home })).toMatchObject({ code: 2 });
    expect(await runTunes(['cover', '--album', String(game.id), '-o', out, '--size', '5'], { home })).toMatchObject({ code: 2 });
    const piped = await runTunes(['cover', '--album', String(game.id), '-o', '-'], { home });
    expect(piped.code).toBe(0);
    // A file name with a terminal escape in it is written as named, and told without the escape.
    const odd = join(tempDir(), 'cover \u001b[2J.jpg');
    const told = await runTunes(['cover', '--album', String(game.id), '-o', odd], { home });
    expect(told.code).toBe(0);
    expect(readFileSync(odd).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(told.stdout).toContain('Wrote ');
    expect(told.stdout).not.toContain('\u001b');
    // A file it cannot write is one line naming it, the escape shown, not sent (JSON keeps the name exact).
    const unwritable = join(tempDir(), 'gone', 'cover \u001b[2J.jpg');
    const refused = await runTunes(['cover', '--album', String(game.id), '-o', unwritable], { home });
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/^tunes: cannot write .*gone\/cover .\[2J\.jpg: ENOENT\n$/);
    expect(refused.stderr).not.toContain('\u001b');
    const refusedJson = await runTunes(['cover', '--album', String(game.id), '-o', unwritable, '--json'], { home });
    expect(refusedJson.stderr).not.toContain('\u001b');
    expect(JSON.parse(refusedJson.stderr)).toEqual({ error: { code: 'io', message: `cannot write ${unwritable}: ENOENT` } });
  });
});
