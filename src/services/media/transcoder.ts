import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { TunesError, UnavailableError } from '../../errors.js';
import { createSpareFfmpeg } from './warm-ffmpeg.js';

export type TranscodeFormat = 'mp3' | 'opus' | 'aac';
export const TRANSCODE_FORMATS: readonly TranscodeFormat[] = ['mp3', 'opus', 'aac'];

const CODECS: Record<TranscodeFormat, { codec: string; container: string; mime: string; suffix: string }> = {
  mp3: { codec: 'libmp3lame', container: 'mp3', mime: 'audio/mpeg', suffix: 'mp3' },
  // Ogg pages stream well and every Opus-capable player reads them.
  opus: { codec: 'libopus', container: 'ogg', mime: 'audio/ogg', suffix: 'opus' },
  // ADTS: raw AAC frames that need no seekable container (MP4 would want its index written first).
  aac: { codec: 'aac', container: 'adts', mime: 'audio/aac', suffix: 'aac' },
};

export const DEFAULT_MAX_TRANSCODES = 4;
export const DEFAULT_BITRATE_KBPS = 192;

export interface TranscodeRequest {
  path: string;
  format: TranscodeFormat;
  bitrateKbps: number;
  /** Start this many seconds in (OpenSubsonic transcodeOffset). */
  offsetSeconds?: number;
}

export interface Transcode {
  mime: string;
  suffix: string;
  output: Readable;
  /** Ends ffmpeg now (the client went away); safe to call more than once. */
  stop(): void;
  /** Resolves when ffmpeg has exited. */
  exited: Promise<void>;
}

export interface Transcoder {
  /** Whether ffmpeg runs here (checked once). */
  available(): Promise<boolean>;
  /** Transcodes running now. */
  running(): number;
  /** unavailable past the cap; dependency_missing without ffmpeg. */
  start(request: TranscodeRequest): Promise<Transcode>;
  /** Ends the spare ffmpeg kept ready (warm-ffmpeg.ts); running transcodes end with their clients. */
  close(): void;
}

/**
 * Audio transcoded on the fly by ffmpeg (no shell: the path is one argv entry, and never starts with
 * '-' because the catalogue stores absolute paths), at most `maxConcurrent` at once per server.
 */
export function createTranscoder({ ffmpeg = 'ffmpeg', maxConcurrent = DEFAULT_MAX_TRANSCODES }: { ffmpeg?: string; maxConcurrent?: number } = {}): Transcoder {
  let works: Promise<boolean> | undefined;
  const active = new Set<ChildProcess>();
  const spare = createSpareFfmpeg(ffmpeg);

  const available = () =>
    (works ??= new Promise<boolean>((resolve) => {
      const probe = spawn(ffmpeg, ['-hide_banner', '-version'], { stdio: 'ignore' });
      probe.once('error', () => resolve(false));
      probe.once('exit', (code) => resolve(code === 0));
    }));

  return {
    available,
    running: () => active.size,
    close: () => spare.close(),
    async start({ path, format, bitrateKbps, offsetSeconds = 0 }) {
      if (!(await available())) throw new TunesError('dependency_missing', 'ffmpeg is not installed on the server: only original files can be streamed');
      if (active.size >= maxConcurrent) {
        throw new UnavailableError(`the server is already transcoding ${active.size} streams (its limit); try again shortly or ask for format=raw`, 5);
      }
      const target = CODECS[format];
      const output = ['-map', '0:a:0', '-vn', '-map_metadata', '-1', '-c:a', target.codec, '-b:a', `${bitrateKbps}k`];
      if (format === 'opus') output.push('-ar', '48000');
      output.push('-f', target.container, 'pipe:1');
      // A transcode from the start takes the spare ffmpeg of its profile; one that seeks starts its own.
      let child = offsetSeconds > 0 ? undefined : spare.take(output, path);
      if (child === undefined) {
        const args = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
        if (offsetSeconds > 0) args.push('-ss', String(offsetSeconds));
        args.push('-i', path, ...output);
        child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'ignore'] });
      }
      if (offsetSeconds === 0) spare.prepare(output);
      active.add(child);
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.once('error', () => resolve());
      }).finally(() => active.delete(child));
      const stop = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      return { mime: target.mime, suffix: target.suffix, output: child.stdout!, stop, exited };
    },
  };
}
