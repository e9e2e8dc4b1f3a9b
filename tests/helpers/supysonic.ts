import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from 'vitest';
import { ALBUM_FIXTURES } from './album-library.js';
import { freePort } from './free-port.js';
import { tempDir } from './temp-dir.js';

/**
 * supysonic (Debian's Python Subsonic server, API 1.10, password auth only): a server that is not
 * tunes, run on a free port with its own config, database and a scanned copy of the album fixtures.
 * `.ci/run` installs it (and python3-waitress, the WSGI server it runs on).
 */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export interface Supysonic {
  url: string;
  /** Subsonic's query string for alice, for checking the server's side in a test. */
  auth: string;
}

export async function startSupysonic(password = 'correct horse'): Promise<Supysonic> {
  const dir = tempDir();
  const music = join(dir, 'Music');
  cpSync(ALBUM_FIXTURES, music, { recursive: true });
  writeFileSync(
    join(dir, 'supysonic.conf'),
    [
      '[base]',
      `database_uri = sqlite:///${join(dir, 'supysonic.db')}`,
      '[webapp]',
      `cache_dir = ${join(dir, 'cache')}`,
      'mount_webui = no',
      'log_level = WARNING',
      '[daemon]',
      `socket = ${join(dir, 'daemon.sock')}`,
      'run_watcher = no',
    ].join('\n'),
  );
  // supysonic reads ./supysonic.conf, so every command runs in that folder.
  const cli = (...args: string[]) => execFileSync('supysonic-cli', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, HOME: dir } });
  cli('user', 'add', 'alice', '-p', password);
  cli('folder', 'add', 'music', music);
  cli('folder', 'scan', 'music');
  const port = await freePort();
  const child = spawn('supysonic-server', ['-h', '127.0.0.1', '-p', String(port)], { cwd: dir, stdio: 'ignore', env: { ...process.env, HOME: dir } });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const auth = `u=alice&p=${encodeURIComponent(password)}&v=1.10.2&c=test&f=json`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`supysonic-server exited ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/rest/ping?${auth}`)).ok) return { url, auth };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}
