import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requestFrom } from '../helpers/http-from.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv, testDialect } from '../helpers/test-postgres.js';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function serve(home: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  // Registration open: the flood below signs up over HTTP (closed is the default).
  const child = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', '0', '--registration', 'open'], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) } });
  children.push(child);
  let stderr = '';
  child.stdout.resume();
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
  });
  return { url, pid: child.pid!, stop: async () => (child.kill('SIGTERM'), await exited) };
}

/** Resident memory of a process, now and at its peak (Linux's VmRSS and VmHWM), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

describe('tunes serve under a flood', () => {
  it('32 sign-ups at once from 32 addresses keep memory bounded and a real login answering', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const server = await serve(home);
    // Warm: one real login first, so the baseline includes the code and memory a hash needs anyway.
    const body = (username: string) => ({ username, password: 'correct horse' });
    expect((await requestFrom(server.url, '127.0.0.2', { method: 'POST', path: '/api/login', body: body('alice') })).status).toBe(200);
    const before = memoryOf(server.pid);

    const flood = Array.from({ length: 32 }, (_, i) =>
      requestFrom(server.url, `127.0.1.${i + 1}`, { method: 'POST', path: '/api/register', body: body(`signup${i}`) }),
    );
    // While they are in flight, alice logs in from home.
    const alice = await requestFrom(server.url, '127.0.0.3', { method: 'POST', path: '/api/login', body: body('alice') });
    const answers = await Promise.all(flood);
    const after = memoryOf(server.pid);

    expect(alice.status).toBe(200);
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 503), statuses.join(' ')).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    for (const busy of answers.filter((a) => a.status === 503)) {
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(busy.body).error.code).toBe('unavailable');
    }
    // Each hash is 128 MiB; at most two run at once. Unbounded, 32 of them took 4.2 GiB.
    expect(after.peak - before.rss, `rss ${before.rss} MiB before, peak ${after.peak} MiB`).toBeLessThan(3 * 128 + 64);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.stop();
  });
});

describe('tunes serve refuses to start on bad input, with one line and an exit code', () => {
  it('an empty --host is a usage error, not "every address"', async () => {
    const result = await runTunes(['serve', '--host', '', '--port', '0'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      "tunes: option '--host <address>' argument '' is invalid. give an address: 127.0.0.1 (this machine only) or 0.0.0.0 (every network)",
    );
    const badName = await runTunes(['serve', '--allowed-host', 'not a name', '--port', '0'], { home: tempDir() });
    expect(badName.code).toBe(2);
  });

  // SQLite only: it damages a copy of the home's SQLite file on purpose.
  it.skipIf(testDialect() === 'postgres')('a file that is not a database, a damaged database, and a config file that is not JSON: exit 6', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const garbage = join(home, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    const damaged = join(home, 'damaged.db');
    const good = readFileSync(join(home, 'tunes.db'));
    writeFileSync(damaged, Buffer.concat([good.subarray(0, 4096), Buffer.alloc(good.length - 4096, 0xa5)]));

    const cases: Array<[string[], string]> = [
      [['--db', '/etc/passwd', 'serve', '--port', '0'], 'tunes: /etc/passwd is not a tunes database'],
      [['--db', garbage, 'serve', '--port', '0'], `tunes: ${garbage} is not a tunes database`],
      [['--db', damaged, 'serve', '--port', '0'], `tunes: database ${damaged} is damaged (database disk image is malformed)`],
    ];
    for (const [args, line] of cases) {
      const result = await runTunes(args, { home });
      expect(result.code, result.stderr).toBe(6);
      expect(result.stderr.split('\n')[0]).toBe(line);
      expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
    }

    writeFileSync(join(home, 'config.json'), '{"sessionToken": "abc", ');
    const config = await runTunes(['serve', '--port', '0'], { home });
    expect(config.code).toBe(6);
    expect(config.stderr.split('\n')[0]).toMatch(new RegExp(`^tunes: cannot use the config file ${join(home, 'config.json')}: it is not valid JSON \\(`));
    expect(config.stderr).not.toMatch(/\n\s+at /);
    // The broken file is left as it was, for its owner to look at.
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe('{"sessionToken": "abc", ');
  });
});
