import { afterEach, describe, expect, it } from 'vitest';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { eventually, serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

describe('the full-screen browser on a remote library', { timeout: 240_000 }, () => {
  it('lists and searches the server, plays a song there (the server counts it), says what only the server has, and that stats are not available', async () => {
    const server = await serveTunesLibrary();
    const laptop = tempDir();
    expect((await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' })).code).toBe(0);
    const term = TmuxTerminal.start('tunes-remote-ui', {
      columns: 110,
      rows: 24,
      cwd: laptop,
      env: { TUNES_HOME: laptop, ...homeDatabaseEnv(laptop), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '' },
    });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type(`${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
    await term.waitFor((s) => s.includes('tunes › Songs (1/23)') && s.includes('Hunter'), 'the server’s songs');
    await term.type('/', 'j', 'ó', 'g', 'a');
    await term.waitFor((s) => s.includes('/ jóga') && !s.includes('Hunter'), 'live search on the server');
    await term.type({ key: 'Enter' }, { key: 'Enter' });
    await eventually(
      () => tunesJson<Array<{ song: { title: string } }>>(['history'], server.home),
      (entries) => entries.some((e) => e.song.title === 'Jóga'),
    );
    await term.type({ key: 'Escape' }, { key: 'Tab' }, 'j', 'j', 'j');
    await term.waitFor((s) => s.includes('library folders happen on the server'), 'folders are the server’s');
    await term.type('j', 'j', 'j', 'j');
    await term.waitFor((s) => s.includes('tunes › Stats') && s.includes('Stats are not available on a remote library'), 'no stats remotely, said plainly');
    await term.type('q');
    await term.waitFor(() => !term.alternateScreen(), 'terminal given back');
  });
});
