import { closeSync, constants, fstatSync, openSync } from 'node:fs';

/**
 * Opens a file the scanner found, for reading, only if it is still a regular file. Between the
 * walk and the read a file can be replaced by a FIFO or a device: a plain open of a FIFO waits for
 * a writer forever, and a device may never end. O_NONBLOCK makes that open return at once (it has
 * no effect on regular files), and fstat of the opened descriptor says what it really is.
 */
export function openRegularFile(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Below this a file's bytes cannot carry its claimed length: FLAC of pure silence is ~1.5 kbit/s. */
const MIN_BITS_PER_SECOND = 256;
const LONGEST_MS = 7 * 24 * 3600 * 1000;

/**
 * A duration read from a file's headers, kept only when it could be true: a corrupt header can
 * claim a negative, infinite or absurd length (a 5 KB MP3 whose Xing frame count says 4.9 years).
 * Unknown (null) is the honest answer then; mpv tells the real length when the song plays.
 */
export function plausibleDurationMs(durationMs: number | null | undefined, sizeBytes?: number): number | null {
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs <= 0 || durationMs > LONGEST_MS) return null;
  if (sizeBytes !== undefined && durationMs > ((sizeBytes * 8) / MIN_BITS_PER_SECOND) * 1000) return null;
  return Math.round(durationMs);
}
