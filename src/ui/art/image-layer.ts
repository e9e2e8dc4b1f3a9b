import { kittyForget, kittyUnplace } from '../../text/cover-art/image-protocols.js';
import { withOverride } from '../terminal/stream-override.js';

/** A picture the terminal draws itself (kitty, iTerm2, sixel), as escape sequences ready to write. */
export interface TerminalPicture {
  protocol: 'kitty' | 'iterm' | 'sixel';
  /** kitty: the image id its upload and placements use. */
  id: number;
  /** kitty: the image sent once, before its first placement. */
  upload?: string;
  /** What draws it at the cursor (kitty: a placement; iTerm2, sixel: the image itself). */
  draw: string;
}

/** Where a picture goes: 0-based cells from the screen's top left, and the cells it fills. */
export interface Placement {
  row: number;
  column: number;
  columns: number;
  rows: number;
  picture: TerminalPicture;
}

const SAVE_CURSOR = '\x1b7';
const RESTORE_CURSOR = '\x1b8';

/**
 * Images drawn outside Ink's frame. Ink writes text; a terminal's own images must then be put at
 * their cells again, since every frame rewrites the lines under them (iTerm2's and sixel images are
 * cell content; kitty's placements are re-sent, replacing themselves). So Ink writes through
 * `stdout` here, and once a burst of its writes is out, each placement is drawn at its cells with the
 * cursor saved and restored around it. Removing one deletes a kitty placement (Ink's next frame
 * paints over the others); a resize takes every kitty placement off until the new layout places it;
 * `cleanup()` is what frees them on the way out (written by quit and by the exit guard).
 */
export class ImageLayer {
  readonly stdout: NodeJS.WriteStream;
  private readonly placed = new Map<string, Placement>();
  private readonly uploaded = new Set<number>();
  private flushQueued = false;
  private closed = false;

  constructor(private readonly real: NodeJS.WriteStream) {
    const writeThrough = (...args: Parameters<NodeJS.WriteStream['write']>) => {
      const result = real.write(...args);
      this.queueFlush();
      return result;
    };
    this.stdout = withOverride(real, 'write', writeThrough as NodeJS.WriteStream['write']);
    real.on('resize', this.onResize);
  }

  /** Puts (or moves) the picture named `key`; undefined takes it away. */
  set(key: string, placement: Placement | undefined): void {
    if (this.closed) return;
    const before = this.placed.get(key);
    if (!placement) {
      if (!before) return;
      this.placed.delete(key);
      if (before.picture.protocol === 'kitty') this.real.write(kittyUnplace(before.picture.id));
      return;
    }
    if (before?.picture.protocol === 'kitty' && before.picture.id !== placement.picture.id) this.real.write(kittyUnplace(before.picture.id));
    this.placed.set(key, placement);
    this.queueFlush();
  }

  /** The escape sequences that take this layer's images off the screen and free them. */
  cleanup(): string {
    return [...this.uploaded].map(kittyForget).join('');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.real.off('resize', this.onResize);
    this.placed.clear();
    const sequence = this.cleanup();
    this.uploaded.clear();
    if (sequence) this.real.write(sequence);
  }

  private readonly onResize = () => {
    for (const { picture } of this.placed.values()) if (picture.protocol === 'kitty') this.real.write(kittyUnplace(picture.id));
  };

  private queueFlush(): void {
    if (this.flushQueued || this.closed || this.placed.size === 0) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      if (!this.closed) this.flush();
    });
  }

  private flush(): void {
    let out = '';
    for (const { row, column, picture } of this.placed.values()) {
      if (picture.upload && !this.uploaded.has(picture.id)) {
        out += picture.upload;
        this.uploaded.add(picture.id);
      }
      out += `${SAVE_CURSOR}\x1b[${row + 1};${column + 1}H${picture.draw}${RESTORE_CURSOR}`;
    }
    if (out) this.real.write(out);
  }
}
