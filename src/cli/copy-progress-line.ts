import type { DatabaseCopyProgress } from '../domain/database-copy.js';

/**
 * `tunes db copy`'s progress on stderr, one line redrawn in place at most 10 times a second (and
 * at each table's end). Only for terminals: on a pipe or with --json nothing is drawn.
 */
export function copyProgressLine(stream: NodeJS.WriteStream | undefined): { update(progress: DatabaseCopyProgress): void; clear(): void } {
  if (!stream?.isTTY) return { update: () => {}, clear: () => {} };
  let lastDraw = 0;
  let tableStarted = 0;
  let table = '';
  let drawn = false;
  return {
    update({ table: name, done, total }) {
      const now = Date.now();
      if (name !== table) {
        table = name;
        tableStarted = now;
      }
      if (done !== total && now - lastDraw < 100) return;
      lastDraw = now;
      const seconds = (now - tableStarted) / 1000;
      const rate = seconds > 0 ? ` (${Math.round(done / seconds)} rows/s)` : '';
      stream.write(`\r\x1b[Kcopying ${name} ${done}/${total}${rate}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
