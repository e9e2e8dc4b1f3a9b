import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open.js';
import { runTunes, type CliResult } from '../helpers/run-cli.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Two people on one database, each with their own TUNES_HOME (so their own session). */
async function twoUsers() {
  const dbPath = join(tempDir(), 'shared.db');
  const homes = { alice: tempDir(), bob: tempDir() };
  for (const [name, home] of Object.entries(homes)) {
    const r = await runTunes(['--db', dbPath, 'register', name, '--password-stdin'], { home, input: 'correct horse\n' });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const store = await openStore(dbPath);
  const songs = await seedSongs(store, [{ title: 'One' }, { title: 'Two' }]);
  await store.close();
  const as = (who: keyof typeof homes) => (args: string[]) => runTunes(['--db', dbPath, ...args], { home: homes[who] });
  return { alice: as('alice'), bob: as('bob'), songs };
}

describe('one user never sees or changes another user\'s playlists or likes', () => {
  it('answers every playlist command on another user\'s playlist exactly like a missing one', async () => {
    const { alice, bob, songs } = await twoUsers();
    const song = String(songs[0]!.id);
    const created = JSON.parse((await alice(['playlist', 'create', 'Private', '--json'])).stdout) as { id: number };
    await alice(['playlist', 'add', 'private', song]);
    const theirs = String(created.id);
    const missing = String(created.id + 50);

    const commands = (ref: string): string[][] => [
      ['playlist', 'show', ref],
      ['playlist', 'show', ref, '--json'],
      ['playlist', 'add', ref, song],
      ['playlist', 'add', ref, song, '--at', '1'],
      ['playlist', 'remove', ref, '1'],
      ['playlist', 'move', ref, '1', '1'],
      ['playlist', 'rename', ref, 'Stolen'],
      ['playlist', 'delete', ref, '--yes'],
      ['playlist', 'delete', ref],
      ['playlist', 'export', ref],
      ['playlist', 'export', ref, '--format', 'xspf'],
    ];
    const normalise = (r: CliResult, ref: string) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(`"${ref}"`, '"<ref>"').replaceAll(`\\"${ref}\\"`, '\\"<ref>\\"') });
    for (const [i, args] of commands(theirs).entries()) {
      const onTheirs = normalise(await bob(args), theirs);
      const onMissing = normalise(await bob(commands(missing)[i]!), missing);
      expect({ args, ...onTheirs }).toEqual({ args, ...onMissing });
      expect(onTheirs.code).toBe(4);
      expect(onTheirs.stdout).toBe('');
    }
    const byName = await bob(['playlist', 'show', 'Private']);
    expect(byName).toMatchObject({ code: 4, stderr: 'tunes: no playlist "Private"\nhint: run `tunes playlist list` to see your playlists\n' });
    expect((await bob(['playlist', 'list', '--no-built-ins', '--json'])).stdout).toBe('[]\n');
    // bob may use the same name for his own playlist
    expect((await bob(['playlist', 'create', 'private'])).code).toBe(0);

    const still = JSON.parse((await alice(['playlist', 'show', theirs, '--json'])).stdout) as { name: string; entries: unknown[] };
    expect(still).toMatchObject({ name: 'Private', song_count: 1 });
    expect(still.entries).toHaveLength(1);
    expect((JSON.parse((await alice(['playlist', 'list', '--no-built-ins', '--json'])).stdout) as unknown[]).length).toBe(1);
  });

  it('keeps likes per user', async () => {
    const { alice, bob, songs } = await twoUsers();
    const [one, two] = songs.map((s) => String(s.id));
    await alice(['like', one!]);
    await bob(['like', two!]);
    const bobUnlikes = await bob(['unlike', one!]);
    expect(bobUnlikes).toMatchObject({ code: 0, stdout: 'Unliked 0 songs\n', stderr: `note: song ${one} was not liked\n` });
    const aliceLiked = JSON.parse((await alice(['liked', '--json'])).stdout) as Array<{ song: { id: number } }>;
    const bobLiked = JSON.parse((await bob(['liked', '--json'])).stdout) as Array<{ song: { id: number } }>;
    expect(aliceLiked.map((l) => l.song.id)).toEqual([Number(one)]);
    expect(bobLiked.map((l) => l.song.id)).toEqual([Number(two)]);
  });
});
