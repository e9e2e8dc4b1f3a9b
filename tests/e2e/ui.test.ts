import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

const ENTER = { key: 'Enter' };
const TAB = { key: 'Tab' };

async function libraryHome(): Promise<string> {
  const home = tempDir();
  const music = join(home, 'music');
  copyFixtures(music, ['mp3-id3v24.mp3', 'flac.flac', 'beyonce halo.mp3']);
  await registerUser(home, 'alice', 'correct horse');
  const added = await runTunes(['library', 'add', music], { home });
  if (added.code !== 0) throw new Error(`library add failed: ${added.stderr}`);
  await runTunes(['logout'], { home });
  return home;
}

function openTerminal(home: string, columns = 100, rows = 30): TmuxTerminal {
  const terminal = TmuxTerminal.start('tunes-ui', {
    columns,
    rows,
    cwd: home,
    // CI set on purpose: Ink alone would then draw nothing until exit (the first CI run failed that way).
    env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '' },
  });
  terminals.push(terminal);
  return terminal;
}

// Full-cost scrypt (register, then log in through the UI) is slow on a busy machine: a generous hang guard.
describe('tunes (interactive) in a real terminal', { timeout: 240_000 }, () => {
  it('logs in, searches, plays, adds to a new playlist, quits and gives the terminal back', async () => {
    const home = await libraryHome();
    const term = openTerminal(home);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type('echo shell-before-tunes', ENTER);
    await term.type(`${process.execPath} ${TUNES_BIN}`, ENTER);

    await term.waitFor((s) => s.includes('tunes — log in'), 'login screen');
    expect(term.alternateScreen()).toBe(true);
    await term.type('alice', TAB, 'correct horse', ENTER);
    await term.waitFor((s) => s.includes('tunes › Songs (1/3)'), 'songs list');

    await term.type('/', 'h', 'a', 'l', 'o');
    await term.waitFor((s) => s.includes('/ halo') && s.includes('Beyoncé') && !s.includes('FLAC Title'), 'live search results');
    await term.type(ENTER);
    await term.waitFor((s) => s.includes('Search: halo (1/1)'), 'kept results');

    await term.type(ENTER);
    await term.waitFor((s) => /[▶❚■] Halo — Beyoncé/.test(s), 'now playing');

    await term.type('a');
    await term.waitFor((s) => s.includes('Add “Halo” to:'), 'playlist picker');
    await term.type(ENTER);
    await term.waitFor((s) => s.includes('New playlist name'), 'name prompt');
    await term.type('Road trip', ENTER);
    await term.waitFor((s) => s.includes('added “Halo” to Road trip'), 'added notice');

    await term.type('q');
    const after = await term.waitFor((s) => s.includes('shell-before-tunes') && !s.includes('tunes ›'), 'shell screen again');
    expect(term.alternateScreen()).toBe(false);
    expect(after).not.toContain('Road trip');
    await term.type('echo "exit=$?"', ENTER);
    await term.waitFor((s) => s.includes('exit=0'), 'exit code 0');

    const store = await openHomeDatabase(home);
    try {
      const rows = await store.db
        .selectFrom('playlists as p')
        .innerJoin('playlist_songs as ps', 'ps.playlist_id', 'p.id')
        .innerJoin('songs as s', 's.id', 'ps.song_id')
        .innerJoin('users as u', 'u.id', 'p.owner_id')
        .select(['p.name', 'ps.position', 's.title', 'u.username'])
        .execute();
      expect(rows).toEqual([{ name: 'Road trip', position: 1, title: 'Halo', username: 'alice' }]);
    } finally {
      await store.close();
    }
  });

  it('works at 60x15 and restores the terminal when killed with SIGTERM mid-playback', async () => {
    const home = await libraryHome();
    await registerUser(home, 'bob', 'correct horse');
    const term = openTerminal(home, 60, 15);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type('echo shell-before-tunes', ENTER);
    await term.type(`${process.execPath} ${TUNES_BIN}`, ENTER);
    await term.waitFor((s) => s.includes('tunes › Songs (1/3)'), 'songs list at 60x15');
    await term.type(ENTER);
    await term.waitFor((s) => /[▶❚] \S/.test(s), 'playing');
    process.kill(foregroundPid(term), 'SIGTERM');
    await term.waitFor((s) => s.includes('shell-before-tunes') && !s.includes('tunes ›'), 'shell screen after SIGTERM');
    expect(term.alternateScreen()).toBe(false);
  });
});

describe('the browser and the background player', { timeout: 240_000 }, () => {
  it('shows what `tunes next` in another shell does, and leaves the music playing on q, saying how to stop it', async () => {
    // Songs long enough to still be playing when we look.
    const dir = tempDir();
    const { home } = await cliLibrary(
      ['alice'],
      ['First Light', 'Second Wind', 'Third Eye'].map((title, i) => ({
        title, artist: 'Tones', album: 'Long', track_no: i + 1, duration_ms: 60_000, path: makeTone(dir, `long-${i}`, { seconds: 60, frequency: 300 + 100 * i }),
      })),
    );
    expect((await runTunes(['play', '-b'], { home })).code).toBe(0);
    const first = (await runTunes(['status', '--format', '{title}'], { home })).stdout.trim();
    const term = openTerminal(home);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type(`${process.execPath} ${TUNES_BIN}`, ENTER);
    await term.waitFor((s) => new RegExp(`▶ ${first} — `).test(s), 'the song the player was already playing');

    const next = await runTunes(['next'], { home });
    const second = (await runTunes(['status', '--format', '{title}'], { home })).stdout.trim();
    expect(next.code).toBe(0);
    expect(second).not.toBe(first);
    await term.waitFor((s) => new RegExp(`▶ ${second} — `).test(s), 'the song `tunes next` moved to');

    await term.type('q');
    const after = await term.waitFor((s) => s.includes('It plays on in the background'), 'the goodbye line');
    expect(after).toContain(`playing: `);
    expect(after).toContain('`tunes stop` stops it');
    expect(term.alternateScreen()).toBe(false);
    expect((await runTunes(['status', '--format', '{state} {title}'], { home })).stdout).toBe(`playing ${second}\n`);
  });
});

/** The pid of the program the pane's shell is running (our `node bin/tunes.js`). */
function foregroundPid(term: TmuxTerminal): number {
  const shell = term.display('#{pane_pid}');
  const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
  return Number(child);
}
