import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BROKEN_FIXTURES, copyFixtures, FIXTURE_FILES } from '../helpers/fixtures.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runTraced } from '../helpers/traced-run.js';
import { homeDatabaseEnv, testDialect } from '../helpers/test-postgres.js';

const GOOD_FIXTURES = FIXTURE_FILES.length - BROKEN_FIXTURES.length - 1; // cover.jpg is not audio

describe('tunes library', () => {
  it('needs a logged-in admin: exit 3 with the reason otherwise', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    const anonymous = await runTunes(['library', 'add', music], { home });
    expect(anonymous.code).toBe(3);
    expect(anonymous.stderr).toContain('not logged in');
    await registerUser(home, 'admin');
    await registerUser(home, 'bob');
    for (const args of [['add', music], ['scan'], ['list'], ['remove', music], ['prune']]) {
      const result = await runTunes(['library', ...args, '--json'], { home });
      expect(result.code, args.join(' ')).toBe(3);
      expect(JSON.parse(result.stderr)).toEqual({
        error: { code: 'forbidden', message: 'only an admin can manage the library (bob is a user)' },
      });
    }
  });

  it('adds a folder, reports failures, and prints one JSON summary with --json', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    copyFixtures(music);
    await registerUser(home, 'admin');

    const human = await runTunes(['library', 'add', music], { home });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Added ${music}\n`);
    expect(human.stdout).toMatch(new RegExp(`${GOOD_FIXTURES} added, 0 updated, 0 unchanged, 0 restored, 0 missing, 4 failed`));
    for (const name of BROKEN_FIXTURES) expect(human.stderr).toContain(`tunes: skipped ${join(music, name)}: `);
    expect(human.stderr).not.toContain('reading tags'); // no progress line on a pipe

    const json = await runTunes(['library', 'scan', '--json'], { home });
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({ files: FIXTURE_FILES.length - 1, added: 0, unchanged: GOOD_FIXTURES, failed: 4 });
    expect(summary.failures.map((f: { path: string }) => f.path).sort()).toEqual(BROKEN_FIXTURES.map((n) => join(music, n)).sort());
    expect(summary.failures.every((f: { reason: string }) => f.reason.length > 0)).toBe(true);

    const list = await runTunes(['library', 'list', '--json'], { home });
    expect(JSON.parse(list.stdout)).toMatchObject([{ path: music, song_count: GOOD_FIXTURES }]);

    // Adding it again rescans it and says so; the folder keeps the date it was first added.
    const again = await runTunes(['library', 'add', music, '--json'], { home });
    expect(JSON.parse(again.stdout)).toMatchObject({ roots: [music], already_in_library: [music], scan: { unchanged: GOOD_FIXTURES } });
    expect((await runTunes(['library', 'add', music], { home })).stdout).toContain(`Already in the library, rescanned: ${music}\n`);
    expect(JSON.parse((await runTunes(['library', 'list', '--json'], { home })).stdout)[0].added_at).toBe(JSON.parse(list.stdout)[0].added_at);

    const missingDir = await runTunes(['library', 'add', join(music, 'nope')], { home });
    expect(missingDir.code).toBe(6);
    expect(missingDir.stderr).toBe(`tunes: no such folder: ${join(music, 'nope')}\n`);
    const notRoot = await runTunes(['library', 'remove', '/definitely/not/a/root'], { home });
    expect(notRoot.code).toBe(4);

    const removed = await runTunes(['library', 'remove', music, '--json'], { home });
    expect(JSON.parse(removed.stdout)).toEqual({ root: music, marked_missing: GOOD_FIXTURES });
    expect(JSON.parse((await runTunes(['songs', '--json'], { home })).stdout)).toEqual([]);
    const pruned = await runTunes(['library', 'prune', '--yes'], { home });
    expect(pruned.stdout).toBe(`Deleted ${GOOD_FIXTURES} missing songs\n`);
  });

  // SQLite only: it watches and checks the SQLite file itself (integrity_check, the FTS5 index).
  it.skipIf(testDialect() === 'postgres')('survives SIGKILL mid-scan: the database stays consistent and the next scan finishes the job', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    const copies = 100;
    for (let i = 0; i < copies; i += 1) {
      mkdirSync(join(music, `disc ${i}`));
      copyFixtures(join(music, `disc ${i}`), FIXTURE_FILES.filter((f) => !BROKEN_FIXTURES.includes(f)));
    }
    const total = copies * GOOD_FIXTURES;
    await registerUser(home, 'admin');

    const child = spawn(process.execPath, [TUNES_BIN, 'library', 'add', music], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const db = new BetterSqlite3(join(home, 'tunes.db'), { readonly: true });
    let committed = 0;
    while (committed === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      committed = db.prepare('select count(*) from songs').pluck().get() as number;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe(null);
    const afterKill = db.prepare('select count(*) from songs').pluck().get() as number;
    db.close();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total);

    const check = new BetterSqlite3(join(home, 'tunes.db'));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    // rank = 1: also compare the index with the songs it indexes, not only its own structure.
    check.exec("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)");
    check.close();

    const rescan = await runTunes(['library', 'scan', '--json'], { home });
    expect(rescan.code).toBe(0);
    const summary = JSON.parse(rescan.stdout);
    expect(summary.added + summary.unchanged).toBe(total);
    expect(summary.unchanged).toBeGreaterThanOrEqual(afterKill);
    const songs = JSON.parse((await runTunes(['songs', 'opus', '--json', '--limit', '1000'], { home })).stdout);
    expect(songs).toHaveLength(copies);
  });

  it('draws a progress line on stderr only when it is a terminal', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    copyFixtures(music);
    await registerUser(home, 'admin');
    // util-linux `script` runs the command on a pseudo-terminal and copies what it draws to stdout.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(TUNES_BIN)} library add ${JSON.stringify(music)}`;
    const onTty = spawnSync('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) },
      encoding: 'utf8',
    });
    expect(onTty.status).toBe(0);
    expect(onTty.stdout).toMatch(/reading tags \d+\/\d+ files \(\d+ files\/s\)/);
    expect(onTty.stdout).toContain('\x1b[K');
    const piped = await runTunes(['library', 'scan'], { home });
    expect(piped.stderr).not.toContain('reading tags');
    expect(piped.stderr).not.toContain('\x1b[K');
  });

  it('keeps music-metadata out of plain commands', async () => {
    const { result, imported, ranSources } = await runTraced(['songs', 'anything'], tempDir());
    expect(result.code).toBe(0);
    expect(imported).toContain('better-sqlite3');
    expect(imported).not.toContain('music-metadata');
    expect(ranSources.length).toBeGreaterThan(0);
    for (const source of ranSources) expect(source).not.toContain('node_modules/music-metadata/');
  });
});
