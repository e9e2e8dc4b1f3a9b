import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveMpvBinary } from '../../src/player/mpv-binary.js';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const run = promisify(execFile);
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `tunes serve` on a free port with its default (closed) registration; resolves with its URL and log. */
async function serve(home: string) {
  const child = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', '0'], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) } });
  children.push(child);
  let log = '';
  child.stdout.resume();
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]!);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  });
  return { url, log: () => log };
}

/** mpv playing `url` to a WAV file: exit code, and how many samples it decoded. */
async function mpvDecode(url: string): Promise<{ code: number; samples: number }> {
  const out = join(tempDir(), 'out.wav');
  try {
    await run(resolveMpvBinary(), ['--no-config', '--no-video', '--ao=pcm', `--ao-pcm-file=${out}`, '--really-quiet', url]);
  } catch (error) {
    return { code: (error as { code: number }).code, samples: 0 };
  }
  const wav = readFileSync(out);
  return { code: 0, samples: (wav.length - 44) / (wav.readUInt16LE(34) / 8) / wav.readUInt16LE(22) };
}

describe('stream links from tunes serve, opened by real players', { timeout: 180_000 }, () => {
  it('mpv, curl with Range and a browser <audio> play a signed link; tampered and other-song links are 403', async () => {
    const home = tempDir();
    const music = tempDir();
    makeTone(music, 'first', { seconds: 2, format: 'ogg', frequency: 330, metadata: { TITLE: 'First' } });
    makeTone(music, 'second', { seconds: 2, format: 'ogg', frequency: 440, metadata: { TITLE: 'Second' } });
    await registerUser(home, 'alice');
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
    const { url, log } = await serve(home);
    const json = { 'content-type': 'application/json' };
    const signUp = await fetch(`${url}/api/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'mallory', password: 'correct horse' }) });
    expect(signUp.status).toBe(403);
    const login = await fetch(`${url}/api/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'alice', password: 'correct horse' }) });
    const { token } = (await login.json()) as { token: string };
    const songs = (await (await fetch(`${url}/api/songs`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ id: number; title: string; stream_url: string }>;
    const first = songs.find((s) => s.title === 'First')!;
    const second = songs.find((s) => s.title === 'Second')!;
    const link = first.stream_url;
    const file = readFileSync(join(music, 'first.ogg'));

    const played = await mpvDecode(link);
    expect(played.code).toBe(0);
    expect(played.samples).toBeGreaterThan(1.9 * 22050);

    const { stdout: headers } = await run('curl', ['-s', '-r', '100-1099', '-D', '-', '-o', join(home, 'part.bin'), link]);
    expect(headers).toMatch(/^HTTP\/1\.1 206/);
    expect(headers).toContain(`content-range: bytes 100-1099/${file.length}`);
    expect(readFileSync(join(home, 'part.bin')).equals(file.subarray(100, 1100))).toBe(true);

    const page = join(home, 'audio.html');
    writeFileSync(
      page,
      `<html><body><script>
        const a = new Audio();
        a.onloadedmetadata = () => document.body.setAttribute('data-result', 'ok ' + a.duration.toFixed(1));
        a.onerror = () => document.body.setAttribute('data-result', 'error ' + (a.error && a.error.code));
        a.src = decodeURIComponent(location.hash.slice(1));
      </script></body></html>`,
    );
    const browser = async (target: string) => {
      const { stdout } = await run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=15000', '--dump-dom', `file://${page}#${encodeURIComponent(target)}`]);
      return /data-result="([^"]*)"/.exec(stdout)?.[1];
    };
    expect(await browser(link)).toBe('ok 2.0');

    const tampered = link.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const otherSong = link.replace(`/songs/${first.id}/`, `/songs/${second.id}/`);
    for (const bad of [tampered, otherSong]) {
      const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', bad]);
      expect(stdout).toBe('403');
      expect((await mpvDecode(bad)).code).not.toBe(0);
    }
    expect(await browser(tampered)).toBe('error 4');

    expect(log()).toContain('registration is closed');
    // The request log shows every fetch, never a signature.
    const signature = new URL(link).searchParams.get('sig')!;
    expect(log()).toContain(`/api/songs/${first.id}/stream?user=1&expires=`);
    expect(log()).not.toContain(signature);
    expect(log()).not.toContain(token);
  });
});
