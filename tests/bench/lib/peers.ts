import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Peer {
  /** The command line the bench times (a status query against the running peer). */
  statusCommand: [string, ...string[]];
  /** mpd's TCP port (mpd only). */
  port?: number;
  pid: number;
  pause(): void;
  stop(): Promise<void>;
}

/** mpd on a port of its own, with its own database of `music`, playing to a null output. */
export async function startMpd(dir: string, music: string): Promise<Peer | undefined> {
  if (!installed('mpd') || !installed('mpc')) return undefined;
  const port = await freePort();
  mkdirSync(join(dir, 'mpd'), { recursive: true });
  const conf = join(dir, 'mpd', 'mpd.conf');
  writeFileSync(
    conf,
    [
      `music_directory "${music}"`,
      `db_file "${join(dir, 'mpd', 'db')}"`,
      `state_file "${join(dir, 'mpd', 'state')}"`,
      `pid_file "${join(dir, 'mpd', 'pid')}"`,
      `log_file "${join(dir, 'mpd', 'log')}"`,
      'bind_to_address "127.0.0.1"',
      `port "${port}"`,
      'audio_output {\n  type "null"\n  name "null"\n}',
      '',
    ].join('\n'),
  );
  const child = spawn('mpd', ['--no-daemon', conf], { stdio: 'ignore' });
  const mpc = (...args: string[]) => spawnSync('mpc', ['-p', String(port), ...args], { encoding: 'utf8' });
  for (let i = 0; i < 200 && mpc('status').status !== 0; i += 1) await sleep(25);
  mpc('update', '--wait');
  mpc('add', '/');
  mpc('repeat', 'on');
  mpc('play');
  return { statusCommand: ['mpc', '-p', String(port), 'status'], port, pid: child.pid!, pause: () => void mpc('pause'), stop: () => stopChild(child) };
}

/** cmus listening on a socket of its own, on a pseudo-terminal (it needs one), with `music` added. */
export async function startCmus(dir: string, music: string): Promise<Peer | undefined> {
  if (!installed('cmus') || !installed('cmus-remote') || !installed('script')) return undefined;
  const home = join(dir, 'cmus');
  mkdirSync(home, { recursive: true });
  const socket = join(home, 'socket');
  const child = spawn('script', ['-qfec', `cmus --listen '${socket}'`, '/dev/null'], {
    env: { ...process.env, CMUS_HOME: home, TERM: 'xterm' },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const remote = (...args: string[]) => spawnSync('cmus-remote', ['--server', socket, ...args], { encoding: 'utf8', timeout: 1000 });
  // With no sound card cmus stops at "press Enter" after each output plugin it cannot open.
  const enter = setInterval(() => child.stdin?.write('\r'), 200);
  try {
    for (let i = 0; i < 100 && remote('-Q').status !== 0; i += 1) await sleep(50);
  } finally {
    clearInterval(enter);
  }
  if (remote('-Q').status !== 0) {
    await stopChild(child);
    return undefined;
  }
  remote('-C', `add ${music}`);
  remote('-p');
  return {
    statusCommand: ['cmus-remote', '--server', socket, '-Q'],
    pid: child.pid!,
    pause: () => void remote('-u'),
    stop: async () => {
      remote('-C', 'quit');
      await stopChild(child);
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
