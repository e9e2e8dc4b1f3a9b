import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runOnTerminal } from '../helpers/terminal-run.js';
import { homeDatabaseLocation } from '../helpers/test-postgres.js';

interface SongJson {
  id: number;
  path: string;
}

/**
 * An admin's library of three files, with a playlist and a like of the admin's and of bob's (who uses
 * the same database from his own home).
 */
async function sharedLibrary() {
  const home = tempDir();
  const bobHome = tempDir();
  const music = join(tempDir('tunes-parent-'), 'music');
  mkdirSync(music);
  copyFixtures(music, ['flac.flac', 'opus.opus', 'wav.wav']);
  await registerUser(home, 'admin');
  expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
  const songs = JSON.parse((await runTunes(['songs', '--json'], { home })).stdout) as SongJson[];
  const id = (name: string) => String(songs.find((s) => s.path.endsWith(name))!.id);
  await runTunes(['playlist', 'create', 'Mine'], { home });
  await runTunes(['playlist', 'add', 'mine', id('opus.opus'), id('flac.flac')], { home });
  await runTunes(['like', id('opus.opus')], { home });
  const bob = (args: string[]) => runTunes(['--db', homeDatabaseLocation(home), ...args], { home: bobHome, input: 'bob password\n' });
  expect((await bob(['register', 'bob', '--password-stdin'])).code).toBe(0);
  await bob(['playlist', 'create', 'Bobs']);
  await bob(['playlist', 'add', 'bobs', id('opus.opus')]);
  await bob(['like', id('opus.opus')]);
  return { home, music, id };
}

const count = async (home: string) => (JSON.parse((await runTunes(['songs', '--json'], { home })).stdout) as unknown[]).length;

describe('tunes library: nothing deleted by surprise', () => {
  it('an unmounted folder: scan exits 6 naming it, keeps its songs, and prune has nothing to delete', async () => {
    const { home, music } = await sharedLibrary();
    renameSync(music, `${music}.away`);

    const scan = await runTunes(['library', 'scan'], { home });
    expect(scan.code).toBe(6);
    expect(scan.stdout).toMatch(/^Scanned 0 files in .*0 missing, 0 failed\n$/);
    expect(scan.stderr).toBe(
      `tunes: ${music} is missing: it looks unmounted, so its 3 songs were kept as they are\n` +
        `tunes: library folder ${music} looks unmounted or unreadable; none of its songs were marked missing\n` +
        'hint: mount it (or fix its permissions) and scan again; a folder gone for good: tunes library remove <folder>\n',
    );
    const json = await runTunes(['library', 'scan', '--json'], { home });
    expect(json.code).toBe(6);
    expect(JSON.parse(json.stdout)).toMatchObject({ missing: 0, unavailable: [{ path: music, reason: 'is missing', kept: 3 }] });
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'io' } });

    const prune = await runTunes(['library', 'prune', '--yes'], { home });
    expect(prune).toMatchObject({ code: 0, stdout: 'Nothing to prune: no songs are missing.\n' });
    renameSync(`${music}.away`, music);
    expect((await runTunes(['library', 'scan'], { home })).code).toBe(0);
    expect(await count(home)).toBe(3);
    expect((await runTunes(['playlist', 'show', 'mine', '--json'], { home })).stdout).toContain('opus.opus');
  });

  it('prune shows what goes and what it costs, needs --yes off a terminal, and asks on one', async () => {
    const { home, music } = await sharedLibrary();
    rmSync(join(music, 'opus.opus'));
    expect((await runTunes(['library', 'scan'], { home })).stdout).toContain('1 missing');

    const piped = await runTunes(['library', 'prune'], { home });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('tunes: not deleting 1 missing song without confirmation');
    expect(piped.stderr).toContain('--yes');

    const dry = await runTunes(['library', 'prune', '--dry-run'], { home });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 song is missing (the file is gone) and would be deleted:');
    expect(dry.stdout).toContain(join(music, 'opus.opus'));
    expect(dry.stdout).toContain('Your playlist "Mine" would lose 1 song.');
    expect(dry.stdout).toContain('You would lose 1 liked song.');
    expect(dry.stdout).toContain('1 other person would lose 1 playlist place in 1 playlist and 1 liked song.');
    expect(dry.stdout).not.toContain('Bobs');
    const dryJson = JSON.parse((await runTunes(['library', 'prune', '--dry-run', '--json'], { home })).stdout);
    expect(dryJson).toMatchObject({
      songs: [{ path: join(music, 'opus.opus'), title: 'Opus Title' }],
      your_playlists: [{ name: 'Mine', entries_lost: 1 }],
      your_likes_lost: 1,
      others: { users: 1, playlists: 1, entries_lost: 1, likes_lost: 1 },
    });

    const no = await runOnTerminal(['library', 'prune'], home, 'n');
    expect(no.output).toContain('Your playlist "Mine" would lose 1 song.');
    expect(no.output).toContain('Delete this song? [y/N]');
    expect(no.output).toContain('tunes: cancelled; nothing was deleted');
    expect(no.code).toBe(2);
    expect(JSON.parse((await runTunes(['library', 'prune', '--dry-run', '--json'], { home })).stdout).songs).toHaveLength(1);

    const yes = await runOnTerminal(['library', 'prune'], home, 'y');
    expect(yes.code).toBe(0);
    expect(yes.output).toContain('Deleted 1 missing song (with 1 place in your playlists and 1 like of yours)');
    const mine = JSON.parse((await runTunes(['playlist', 'show', 'mine', '--json'], { home })).stdout);
    expect(JSON.stringify(mine)).not.toContain('opus.opus');
    expect(JSON.stringify(mine)).toContain('flac.flac');
  });

  it('library remove says how many songs leave', async () => {
    const { home, music } = await sharedLibrary();
    const removed = await runTunes(['library', 'remove', music], { home });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(new RegExp(`^Removed ${music}: 3 songs leave the library \\(kept as missing`));
    expect(await count(home)).toBe(0);
    expect(JSON.parse((await runTunes(['library', 'prune', '--dry-run', '--json'], { home })).stdout).songs).toHaveLength(3);
  });
});
