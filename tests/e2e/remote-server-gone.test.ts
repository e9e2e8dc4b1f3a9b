import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { runTunes } from '../helpers/run-cli.js';
import { eventually, serveTunesHome, serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';

interface StatusJson {
  status: string;
  song: { title: string } | null;
  position_ms: number;
  queue_position: number | null;
  queue_length: number;
  problem: string | null;
}

interface HistoryJson {
  song: { title: string };
  ms_played: number;
}

/**
 * A long song at a high byte rate (192 kHz stereo float: 1.5 MB a second), so what the sockets hold
 * when the server dies is a few seconds of it, not the whole song; and a short one after it.
 */
function longAndShortSongs(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: 'pipe' });
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=330:duration=20:sample_rate=192000', '-ac', '2', '-c:a', 'pcm_f32le', '-metadata', 'title=Long Tone', '-metadata', 'artist=Tester', '-metadata', 'track=1', join(folder, '1 long.wav'));
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=500:duration=4', '-metadata', 'title=Short Tone', '-metadata', 'artist=Tester', '-metadata', 'track=2', join(folder, '2 short.mp3'));
}

describe('a tunes server that goes away in the middle of a song', () => {
  it('plays what was buffered, then stops saying so (exit 6), keeps the queue, counts no listen, and resumes there once the server is back', async () => {
    const first = await serveTunesLibrary('correct horse', longAndShortSongs);
    // The same home on a port of our own, so the server can come back where the laptop looks for it.
    first.child.kill('SIGKILL');
    const port = await freePort();
    const server = await serveTunesHome(first.home, port);
    const laptop = tempDir();
    expect((await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' })).code).toBe(0);
    // Little read-ahead, as on a slow link: mpv holds about a second, not the whole file.
    expect((await runTunes(['config', 'set', 'mpv-options', '--cache=no --demuxer-readahead-secs=1 --stream-buffer-size=4KiB'], { home: laptop })).code).toBe(0);

    const playing = runTunes(['play', 'tone'], { home: laptop });
    await eventually(
      () => tunesJson<StatusJson>(['status'], laptop),
      (s) => s.status === 'playing' && s.song?.title === 'Long Tone' && s.position_ms >= 500,
    );
    server.child.kill('SIGKILL');

    const played = await playing;
    expect(played.code, played.stderr).toBe(6);
    expect(played.stderr).toMatch(/^tunes: the server 127\.0\.0\.1:\d+ went away \(connection refused\): stopped at \d:\d\d of 0:20 into "Long Tone"; the queue is kept/m);
    const status = await tunesJson<StatusJson>(['status'], laptop);
    expect(status).toMatchObject({ status: 'stopped', song: { title: 'Long Tone' }, queue_position: 1, queue_length: 2 });
    expect(status.position_ms).toBeGreaterThan(0);
    // Cut off: it did not play on to its end, and the short song after it was not skipped to.
    expect(status.position_ms).toBeLessThan(17_000);
    expect(status.problem).toContain('went away');
    const human = await runTunes(['status'], { home: laptop });
    expect(human.stdout).toContain('problem: the server');

    const early = await runTunes(['resume'], { home: laptop });
    expect(early.code).toBe(6);
    expect(early.stderr).toMatch(/^tunes: the server 127\.0\.0\.1:\d+ is still away \(connection refused\); the queue is kept\n$/);
    // The cut-off song was not counted (the server keeps its history in its own database).
    expect(await tunesJson<HistoryJson[]>(['history'], server.home)).toEqual([]);

    await serveTunesHome(server.home, port);
    const resumed = await runTunes(['resume'], { home: laptop });
    expect(resumed.code, resumed.stderr).toBe(0);
    const afterResume = await tunesJson<StatusJson>(['status'], laptop);
    expect(afterResume.song?.title).toBe('Long Tone');
    expect(afterResume.position_ms).toBeGreaterThanOrEqual(status.position_ms - 1000);
    // Heard to its end across the cut, the song counts once, whole; then the next one plays.
    const history = await eventually(
      () => tunesJson<HistoryJson[]>(['history'], server.home),
      (entries) => entries.length === 2,
    );
    expect(history.map((h) => h.song.title)).toEqual(['Short Tone', 'Long Tone']);
    expect(history[1]!.ms_played).toBeGreaterThan(18_000);
  }, 180_000);

  it('stops before the next song when the server is gone by the time it should open, rather than skipping through the queue', async () => {
    const server = await serveTunesLibrary('correct horse', longAndShortSongs);
    const laptop = tempDir();
    expect((await runTunes(['login', '--server', server.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' })).code).toBe(0);
    // Little read-ahead, so mpv asks for the next song (it prefetches it) only near the short one's end.
    expect((await runTunes(['config', 'set', 'mpv-options', '--cache=no --demuxer-readahead-secs=1'], { home: laptop })).code).toBe(0);
    const songs = await tunesJson<Array<{ id: number; title: string }>>(['songs', 'tone'], laptop);
    const short = songs.find((s) => s.title === 'Short Tone')!;
    const long = songs.find((s) => s.title === 'Long Tone')!;
    // The short song first: mpv holds all of it, so it plays to its end; the long one cannot open.
    expect((await runTunes(['playlist', 'create', 'Tones'], { home: laptop })).code).toBe(0);
    expect((await runTunes(['playlist', 'add', 'Tones', String(short.id), String(long.id)], { home: laptop })).code).toBe(0);
    const playing = runTunes(['play', '--playlist', 'Tones'], { home: laptop });
    await eventually(
      () => tunesJson<StatusJson>(['status'], laptop),
      (s) => s.status === 'playing' && s.song?.title === 'Short Tone' && s.position_ms >= 1000,
    );
    server.child.kill('SIGKILL');
    const played = await playing;
    expect(played.code, played.stderr).toBe(6);
    expect(played.stderr).toMatch(/the server 127\.0\.0\.1:\d+ went away \(connection refused\): stopped before "Long Tone"; the queue is kept/);
    expect(played.stderr).not.toContain('nothing left in the queue');
    const status = await tunesJson<StatusJson>(['status'], laptop);
    expect(status).toMatchObject({ status: 'stopped', song: { title: 'Long Tone' }, queue_position: 2, queue_length: 2, position_ms: 0 });
  }, 180_000);
});
