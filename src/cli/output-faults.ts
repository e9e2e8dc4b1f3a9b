/**
 * What went wrong writing the command's output, if anything: the reader went away (`tunes songs |
 * head -1`: EPIPE, which every Unix tool takes quietly, exit 0), or the output could not be written
 * (`> /dev/full`, a full disk: exit 6 with one line). Node reports both as an 'error' event on the
 * stream, a tick after the write; without a listener that event is an uncaught exception.
 */
export type OutputFault = { kind: 'closed' } | { kind: 'failed'; reason: string };

export interface OutputWatch {
  /** The first fault seen on stdout, once pending writes have reported (await settle() first). */
  fault(): OutputFault | undefined;
  /** Waits until errors of writes already made have been emitted. */
  settle(): Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
  EROFS: 'the file system is read-only',
};

export function watchOutput(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): OutputWatch {
  let seen: OutputFault | undefined;
  const classify = (error: NodeJS.ErrnoException): OutputFault | undefined => {
    if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return { kind: 'closed' };
    // A write after the stream was destroyed by an earlier fault: that fault is the story.
    if (error.code === 'ERR_STREAM_DESTROYED') return undefined;
    return { kind: 'failed', reason: REASONS[error.code ?? ''] ?? error.message };
  };
  // Kept for the life of the process: a pipe can report EPIPE after the command has finished.
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    seen ??= classify(error);
  });
  // Nowhere left to say anything: diagnostics that cannot be written are dropped.
  stderr.on('error', () => undefined);
  return {
    fault: () => seen,
    settle: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

/** The one line for output that could not be written (exit 6). */
export function outputFailureLine(fault: { reason: string }): string {
  return `tunes: cannot write the output: ${fault.reason}\n`;
}

/**
 * The command's exit code once its output has settled: the reader went away (`| head`) is no
 * failure (0); output that could not be written is exit 6 with its one line; else `code`.
 */
export async function exitCodeAfterOutput(output: OutputWatch, code: number): Promise<number> {
  await output.settle();
  const fault = output.fault();
  if (fault?.kind === 'closed') return 0;
  if (fault?.kind === 'failed') {
    process.stderr.write(outputFailureLine(fault));
    return 6;
  }
  return code;
}
