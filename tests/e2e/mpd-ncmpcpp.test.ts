import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpdLibrary } from '../helpers/mpd-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';

describe('ncmpcpp against the MPD bridge', () => {
  it('shows the queue, the current song, the library and the playlists in tmux, and follows tunes next', async () => {
    const { home, songs } = await mpdLibrary();
    await runTunes(['playlist', 'create', 'Evening'], { home });
    await runTunes(['playlist', 'add', 'Evening', String(songs.find((song) => song.title === 'Midnight')!.id)], { home });
    const socket = join(tempDir(), 'mpd.sock');
    await runTunes(['config', 'set', 'mpd-listen', socket], { home });
    expect((await runTunes(['play', '--album', 'Dawn', '-b'], { home })).code).toBe(0);
    const terminal = TmuxTerminal.start('tunes-ncmpcpp', { columns: 100, rows: 24, env: { HOME: tempDir(), MPD_HOST: socket, TERM: 'xterm-256color' }, cwd: home });
    try {
      terminal.send('ncmpcpp', true);
      terminal.send('Enter');
      const screen = await terminal.waitFor((s) => s.includes('Playlist (3 items') && s.includes('Playing: Sunrise Band "Dawn" (2001) - Morning'), 'the playlist and the current song');
      const rows = screen.split('\n');
      for (const title of ['Morning', 'Noon', 'Dusk']) expect(rows.some((row) => /^Sunrise Band\s+0\d\s+/.test(row) && row.includes(title))).toBe(true);

      expect((await runTunes(['next'], { home })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
      await terminal.waitFor((s) => s.includes('Playing: Sunrise Band "Dawn" (2001) - Noon'), 'the song tunes next moved to');

      // The media library (its list tag group tag) and the browser (lsinfo) read the library.
      terminal.send('4', true);
      await terminal.waitFor((s) => s.includes('Media library') && s.includes('Sunrise Band') && s.includes('Owls'), 'the media library');
      // The playlist editor (listplaylists, listplaylistinfo): the account's playlists.
      terminal.send('5', true);
      await terminal.waitFor((s) => s.includes('Playlist editor') && s.includes('Evening') && s.includes('Midnight'), 'the playlist editor');
      terminal.send('2', true);
      await terminal.waitFor((s) => s.includes('Browse: /') && s.includes('[music]'), 'the browser');
      terminal.send('q', true);
      await terminal.waitFor((s) => s.includes('$ ') && !s.includes('Browse: /'), 'ncmpcpp to quit');
    } finally {
      terminal.kill();
    }
  });
});
