import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { TunesError } from '../errors.js';
import { MpvConnection } from './mpv-connection.js';

export interface MpvSpawnOptions {
  binary: string;
  /** Passed as `--ao` (`null` in tests and CI). */
  audioOutput?: string | undefined;
  /** The user's settings (audio device, ReplayGain, their own mpv options); placed before tunes' own. */
  settingsArgs?: string[];
  /** More mpv options, e.g. `--ao-pcm-file=...` in tests that prove decoding. */
  extraArgs?: string[];
  /**
   * `fd` hands mpv one end of a socketpair (`--input-ipc-client`): no socket file, and mpv quits by
   * itself when we go away, even if we are killed. `socket` (`--input-ipc-server`) is what Windows needs.
   */
  transport?: 'fd' | 'socket';
}

export interface MpvExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines mpv wrote to stderr, for the error message. */
  stderr: string;
}

export interface MpvProcess {
  readonly pid: number;
  readonly connection: MpvConnection;
  readonly exited: Promise<MpvExit>;
  /** Asks mpv to quit, kills it if it does not within a moment, and resolves once it is gone. */
  stop(): Promise<void>;
}

export function mpvArgs({ audioOutput, settingsArgs = [], extraArgs = [] }: MpvSpawnOptions, ipc: string): string[] {
  return [
    ...settingsArgs,
    '--idle=yes',
    '--no-video',
    '--no-config',
    '--no-terminal',
    '--input-default-bindings=no',
    '--audio-display=no',
    '--gapless-audio=yes',
    '--prefetch-playlist=yes',
    ...(audioOutput ? [`--ao=${audioOutput}`] : []),
    ipc,
    ...extraArgs,
  ];
}

export async function spawnMpv(options: MpvSpawnOptions): Promise<MpvProcess> {
  const transport = options.transport ?? (process.platform === 'win32' ? 'socket' : 'fd');
  const socketPath = transport === 'socket' ? newSocketPath() : undefined;
  const ipcArg = socketPath ? `--input-ipc-server=${socketPath}` : '--input-ipc-client=fd://3';
  const child = spawn(options.binary, mpvArgs(options, ipcArg), {
    stdio: ['ignore', 'ignore', 'pipe', ...(socketPath ? [] : ['pipe' as const])],
    windowsHide: true,
  });

  let stderrTail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-2000);
  });
  const exited = new Promise<MpvExit>((resolve) => {
    child.once('error', (error) => {
      stderrTail += error.message;
      resolve({ code: null, signal: null, stderr: stderrTail.trim() });
    });
    child.once('exit', (code, signal) => resolve({ code, signal, stderr: stderrTail.trim() }));
  });
  // If this process ends without stopping mpv (a crash, process.exit), do not leave it behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => {
    process.removeListener('exit', killOnExit);
    if (socketPath && process.platform !== 'win32') rmSync(socketPath, { force: true });
  });

  let stream: Duplex;
  try {
    stream = socketPath ? await connectWithRetry(socketPath, exited) : (child.stdio[3] as Duplex);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const connection = new MpvConnection(stream);
  return {
    pid: child.pid ?? -1,
    connection,
    exited,
    stop: () => stopMpv(child, connection, exited),
  };
}

async function stopMpv(child: ChildProcess, connection: MpvConnection, exited: Promise<MpvExit>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    connection.command('quit').catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 1500);
    await exited;
    clearTimeout(timer);
  }
  connection.close();
}

function newSocketPath(): string {
  const name = `tunes-mpv-${process.pid}-${randomBytes(4).toString('hex')}`;
  return process.platform === 'win32' ? `\\\\.\\pipe\\${name}` : join(tmpdir(), `${name}.sock`);
}

/** mpv creates its socket a few milliseconds after starting; keep trying until it is there. */
async function connectWithRetry(path: string, exited: Promise<MpvExit>): Promise<Socket> {
  let gone: MpvExit | undefined;
  void exited.then((exit) => (gone = exit));
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(path);
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (gone) throw startFailure(gone);
      if (Date.now() > deadline) throw new TunesError('io', `mpv did not open its IPC socket: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

export function startFailure(exit: MpvExit): TunesError {
  const how = exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`;
  return new TunesError('io', `mpv ${how}${exit.stderr ? `: ${exit.stderr.split('\n').at(-1)}` : ''}`);
}
