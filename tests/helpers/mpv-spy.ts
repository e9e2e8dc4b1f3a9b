import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { resolveMpvBinary } from '../../src/player/mpv-binary.js';

/**
 * A stand-in for the mpv binary (TUNES_MPV) that runs the real mpv with every argument tunes gave
 * it, plus an IPC socket of the test's own: the test can then ask the very mpv tunes drives what its
 * properties are. Each start is logged as one line: the socket path, then the arguments.
 */
export function mpvSpy(dir: string): { binary: string; starts(): Array<{ socket: string; args: string[] }> } {
  const binary = join(dir, 'mpv-spy.sh');
  const log = join(dir, 'mpv-starts.log');
  writeFileSync(
    binary,
    [
      '#!/bin/sh',
      `sock=${dir}/mpv-$$.sock`,
      `printf '%s' "$sock" >> ${log}`,
      `for a in "$@"; do printf '\\t%s' "$a" >> ${log}; done`,
      `echo >> ${log}`,
      `exec ${resolveMpvBinary()} "$@" --input-ipc-server="$sock"`,
    ].join('\n'),
  );
  chmodSync(binary, 0o755);
  return {
    binary,
    starts: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [socket, ...args] = line.split('\t');
              return { socket: socket!, args };
            })
        : [],
  };
}

/** One command over mpv's JSON IPC; resolves with its `data` (rejects on an mpv error). */
export function askMpv(socket: string, command: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const client = connect(socket);
    let buffer = '';
    client.setEncoding('utf8');
    client.on('error', reject);
    client.on('connect', () => client.write(`${JSON.stringify({ command, request_id: 7 })}\n`));
    client.on('data', (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as { request_id?: number; error?: string; data?: unknown };
        if (message.request_id !== 7) continue;
        client.end();
        if (message.error === 'success') resolve(message.data);
        else reject(new Error(`mpv ${String(command[0])}: ${message.error}`));
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
  });
}

/** Asks until mpv answers with a value `accept` takes (a file may still be opening). */
export async function waitForMpv(socket: string, command: unknown[], accept: (value: unknown) => boolean): Promise<unknown> {
  for (;;) {
    try {
      const value = await askMpv(socket, command);
      if (accept(value)) return value;
    } catch {
      // not there yet (socket not created, property unavailable while nothing plays)
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
