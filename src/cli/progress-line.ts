import type { ScanProgress } from '../services/library/library-service.js';

/**
 * A one-line scan progress display on stderr, redrawn in place at most 10 times a second. Only for
 * terminals: on a pipe (or with --json) the caller passes no stream and nothing is drawn.
 */
export function scanProgressLine(stream: NodeJS.WriteStream | undefined): {
  update(progress: ScanProgress): void;
  clear(): void;
} {
  if (!stream?.isTTY) return { update: () => {}, clear: () => {} };
  let lastDraw = 0;
  let started = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      // Tags are read while the walk goes on, so the rate counts from the start of the scan.
      if (started === 0) started = now;
      const final = progress.phase === 'reading' && progress.done === progress.total;
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      let text: string;
      if (progress.phase === 'walking') text = 'looking for audio files…';
      else {
        const seconds = (now - started) / 1000;
        const rate = seconds > 0 ? Math.round(progress.done / seconds) : 0;
        text = `reading tags ${progress.done}/${progress.total} files (${rate} files/s)`;
      }
      stream.write(`\r\x1b[K${text}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
