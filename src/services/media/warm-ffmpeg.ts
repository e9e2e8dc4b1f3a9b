import { spawn, type ChildProcess } from 'node:child_process';

/**
 * An ffmpeg started ahead of its request, so a transcode's first bytes do not wait for ffmpeg to
 * start: loading its few hundred shared libraries is most of the ~130 ms (500+ on a loaded box)
 * before it writes anything, and the encoding itself is tens of ms. The spare has every argument of
 * the next transcode of its profile (codec, bit rate, container) except the input, which it reads
 * as a one-line concat list on stdin once a request names the file: ffmpeg then opens the file
 * itself (seekable: formats whose index is at the end still work). One spare, for the profile asked
 * for last (a client keeps its settings), ended when unused for a while or at close; the server
 * dying closes its stdin, which ends it too.
 */
export const SPARE_IDLE_MS = 5 * 60_000;

export interface SpareFfmpeg {
  /** A started ffmpeg with these output arguments, now reading `path`; undefined when none is ready. */
  take(outputArgs: readonly string[], path: string): ChildProcess | undefined;
  /** Start a spare for these output arguments (replacing one of another profile). */
  prepare(outputArgs: readonly string[]): void;
  close(): void;
}

const INPUT_ARGS = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-protocol_whitelist', 'file,pipe', '-f', 'concat', '-safe', '0', '-i', 'pipe:0'];

/** Paths the concat list's one quoted line cannot hold (line breaks) take a fresh ffmpeg instead. */
export function concatListFor(path: string): string | undefined {
  if (/[\r\n\0]/.test(path)) return undefined;
  // `file:` keeps the path from being read as relative to the list's own URL (pipe:0).
  return `file '${`file:${path}`.replaceAll("'", "'\\''")}'\n`;
}

export function createSpareFfmpeg(ffmpeg: string, idleMs = SPARE_IDLE_MS): SpareFfmpeg {
  let spare: { key: string; child: ChildProcess; idle: NodeJS.Timeout } | undefined;
  let closed = false;
  const drop = () => {
    if (!spare) return;
    clearTimeout(spare.idle);
    if (spare.child.exitCode === null && spare.child.signalCode === null) spare.child.kill('SIGKILL');
    spare = undefined;
  };
  return {
    take(outputArgs, path) {
      const list = concatListFor(path);
      const key = outputArgs.join('\0');
      if (list === undefined || !spare || spare.key !== key || spare.child.exitCode !== null || spare.child.signalCode !== null) return undefined;
      const { child, idle } = spare;
      clearTimeout(idle);
      spare = undefined;
      child.stdin!.end(list);
      return child;
    },
    prepare(outputArgs) {
      const key = outputArgs.join('\0');
      if (closed || (spare && spare.key === key && spare.child.exitCode === null)) return;
      drop();
      const child = spawn(ffmpeg, [...INPUT_ARGS, ...outputArgs], { stdio: ['pipe', 'pipe', 'ignore'] });
      child.once('error', () => {
        if (spare?.child === child) spare = undefined;
      });
      // A spare that died before use (or whose server went away) has nobody to tell.
      child.stdin!.on('error', () => undefined);
      const idle = setTimeout(drop, idleMs);
      idle.unref();
      spare = { key, child, idle };
    },
    close() {
      closed = true;
      drop();
    },
  };
}
