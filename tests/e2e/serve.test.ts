import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { startServe, until, type ServeProcess } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runTraced } from '../helpers/traced-run.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';

/** `tunes serve` on this home, registration open unless `args` say. */
function serve(home: string, args: string[] = []): Promise<ServeProcess> {
  const registration = args.includes('--registration') ? [] : ['--registration', 'open'];
  return startServe([...registration, ...args], { TUNES_HOME: home, ...homeDatabaseEnv(home) });
}

async function seedFile(home: string, path: string): Promise<number> {
  const store = await openHomeDatabase(home);
  try {
    const [song] = await seedSongs(store, [{ path }]);
    return song!.id;
  } finally {
    await store.close();
  }
}

async function login(url: string, username: string): Promise<string> {
  const body = JSON.stringify({ username, password: 'correct horse' });
  const headers = { 'content-type': 'application/json' };
  expect((await fetch(`${url}/api/register`, { method: 'POST', headers, body })).status).toBe(201);
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers, body });
  return ((await res.json()) as { token: string }).token;
}

describe('tunes serve', () => {
  it('listens on loopback by default, logs one line per request on stderr and stops on SIGINT', async () => {
    const home = tempDir();
    const served = await serve(home);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${served.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    await until(async () => served.stderr(), (stderr) => stderr.includes('GET /health 200'));
    served.child.kill('SIGINT');
    expect(await served.exited).toBe(0);
    expect(served.stderr()).toMatch(/tunes serve: stopped\n$/);
  });

  it('finishes a stream in flight on SIGTERM, refusing new connections meanwhile', async () => {
    const home = tempDir();
    const content = randomBytes(8 * 1024 * 1024);
    const path = join(tempDir(), 'long.flac');
    writeFileSync(path, content);
    const songId = await seedFile(home, path);
    const served = await serve(home);
    const token = await login(served.url, 'alice');

    const response = await new Promise<IncomingMessage>((resolve) => {
      get(`${served.url}/api/songs/${songId}/stream`, { headers: { authorization: `Bearer ${token}` } }, resolve);
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('audio/flac');
    response.pause();

    served.child.kill('SIGTERM');
    await until(async () => served.stderr(), (stderr) => stderr.includes('finishing requests in flight'));
    await expect(fetch(`${served.url}/health`)).rejects.toThrow();

    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk)).resume();
    await new Promise((resolve) => response.on('end', resolve));
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    expect(await served.exited).toBe(0);
    expect(served.stderr()).toContain(`GET /api/songs/${songId}/stream 200`);
  });

  it('lets mpv stream and seek a song over HTTP', async () => {
    const home = tempDir();
    const dir = tempDir();
    const path = join(dir, 'tone.mp3');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20', '-b:a', '64k', path]);
    const songId = await seedFile(home, path);
    const served = await serve(home);
    const token = await login(served.url, 'alice');
    // The token goes in through a config file, not argv, where other users could read it.
    const config = join(dir, 'mpv.conf');
    writeFileSync(config, `http-header-fields="Authorization: Bearer ${token}"\n`);
    const pcm = join(dir, 'out.pcm');
    await promisify(execFile)(process.env.TUNES_MPV ?? 'mpv', [
      '--no-config',
      `--include=${config}`,
      '--ao=pcm',
      `--ao-pcm-file=${pcm}`,
      '--ao-pcm-waveheader=no',
      '--audio-format=s16',
      '--audio-channels=stereo',
      '--audio-samplerate=44100',
      '--start=15',
      '--really-quiet',
      `${served.url}/api/songs/${songId}/stream`,
    ]);
    // mpv seeked with a range request and decoded the rest of the song (about 5 of its 20 seconds).
    await until(async () => served.stderr(), (stderr) => new RegExp(`GET /api/songs/${songId}/stream 206`).test(stderr));
    const seconds = readFileSync(pcm).length / (44_100 * 2 * 2);
    expect(seconds).toBeGreaterThan(3);
    expect(seconds).toBeLessThan(8);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  it('finds a scanned song over HTTP and streams exactly its file', async () => {
    const home = tempDir();
    const music = tempDir();
    copyFixtures(music, ['beyonce halo.mp3', 'flac.flac']);
    await registerUser(home, 'owner');
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
    const served = await serve(home);
    const login = await fetch(`${served.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'correct horse' }),
    });
    const { token } = (await login.json()) as { token: string };

    const found = (await (await fetch(`${served.url}/api/songs?q=halo`)).json()) as Array<{ id: number; artist: string }>;
    expect(found).toHaveLength(1);
    expect(found[0]!.artist).toBe('Beyoncé');
    const res = await fetch(`${served.url}/api/songs/${found[0]!.id}/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(music, 'beyonce halo.mp3')))).toBe(true);

    // One song object: `tunes songs --json` shows what the API shows, plus the file's path (the API
    // adds its stream_url instead, null without a token).
    const [fromCli] = JSON.parse((await runTunes(['songs', 'halo', '--json'], { home })).stdout) as Array<Record<string, unknown>>;
    const { stream_url: streamUrl, ...fromApi } = found[0]! as Record<string, unknown>;
    expect(streamUrl).toBeNull();
    expect(fromCli).toEqual({ ...fromApi, path: join(music, 'beyonce halo.mp3') });
    expect(Object.keys(fromCli!)).toEqual([...Object.keys(fromApi), 'path']);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  it('refuses a bad port and loads no server code for plain commands', async () => {
    const home = tempDir();
    const bad = await runTunes(['serve', '--port', '70000'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('port');

    // A port another program holds, and a host that is not this machine's: one line each, no stack.
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const taken = await runTunes(['serve', '--port', String(port)], { home });
      expect(taken.code).toBe(6);
      expect(taken.stderr.trim().split('\n')[0]).toBe(`tunes: port ${port} on 127.0.0.1 is already in use`);
      expect(taken.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
    const elsewhere = await runTunes(['serve', '--host', '192.0.2.1', '--port', '0'], { home });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('192.0.2.1 is not an address of this machine');

    const { imported } = await runTraced(['whoami'], home);
    expect(imported).not.toMatch(/node_modules\/(fastify|@fastify)\//);
  });
});
