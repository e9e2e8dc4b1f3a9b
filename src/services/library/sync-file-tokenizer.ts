import { closeSync, readSync } from 'node:fs';
import { AbstractTokenizer, EndOfStreamError, type IReadChunkOptions } from 'strtok3';

const WINDOW = 64 * 1024;
/**
 * The file's first bytes, kept when the window moves on: music-metadata reads the end of a file
 * (ID3v1, an MP4's index, Ogg's last page) and the audio check then looks at its start again.
 */
const HEAD = 4096;
/** Windows (and heads) of closed tokenizers, reused: a fresh 64 KB buffer per file kept the garbage collector busy. */
const spareWindows: Buffer[] = [];
const spareHeads: Buffer[] = [];

/**
 * A strtok3 tokenizer over a file descriptor with synchronous, windowed reads. music-metadata's own
 * file tokenizer does one async read (a thread-pool round trip) per token, which made tag reading
 * I/O-wait bound at ~500 files/s; tags sit in a few KB, so one 64 KB read usually serves a whole file.
 * Only loaded (like music-metadata itself) when a scan reads tags. Runs inside a worker thread, where
 * blocking reads cost nothing but that thread's time.
 */
export class SyncFileTokenizer extends AbstractTokenizer {
  /** `size` is left out to parse an MP4 cut short: music-metadata refuses a box that runs past a known end. */
  override readonly fileInfo: { path: string; size?: number };
  private readonly window = spareWindows.pop() ?? Buffer.allocUnsafe(WINDOW);
  private windowStart = 0;
  private windowLength = 0;
  private readonly head = spareHeads.pop() ?? Buffer.allocUnsafe(HEAD);
  private headLength = 0;
  /** Set at close, when the window goes back to the spares: a late read must not touch it. */
  private closed = false;

  constructor(
    private readonly fd: number,
    path: string,
    size: number,
  ) {
    super();
    this.fileInfo = { path, size };
  }

  override async readBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normal = this.normalizeOptions(target, options);
    this.position = normal.position;
    const read = this.readAt(target, normal.position, normal.length, normal.mayBeLess ?? false);
    this.position += read;
    return read;
  }

  override async peekBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normal = this.normalizeOptions(target, options);
    return this.readAt(target, normal.position, normal.length, normal.mayBeLess ?? false);
  }

  setPosition(position: number): void {
    this.position = position;
  }

  /** Up to `length` bytes at `position`, read synchronously (through the window when they fit). */
  bytesAt(position: number, length: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, length));
    return out.subarray(0, this.readAt(out, Math.max(0, position), out.length, true));
  }

  override supportsRandomAccess(): boolean {
    return true;
  }

  protected override async closeOnce(): Promise<void> {
    closeSync(this.fd);
    this.closed = true;
    spareWindows.push(this.window);
    spareHeads.push(this.head);
    await super.closeOnce();
  }

  private readAt(target: Uint8Array, position: number, length: number, mayBeLess: boolean): number {
    if (this.closed) throw new Error('read after the file was closed');
    let read: number;
    if (length > WINDOW) {
      read = fillFrom(this.fd, target, length, position);
    } else if (position + length <= this.headLength && !(position >= this.windowStart && position + length <= this.windowStart + this.windowLength)) {
      read = length;
      this.head.copy(target, 0, position, position + length);
    } else {
      const inWindow = position >= this.windowStart && position + length <= this.windowStart + this.windowLength;
      if (!inWindow) {
        this.windowStart = position;
        this.windowLength = fillFrom(this.fd, this.window, WINDOW, position);
        if (position === 0 && this.headLength === 0) this.headLength = this.window.copy(this.head, 0, 0, Math.min(HEAD, this.windowLength));
      }
      const offset = position - this.windowStart;
      read = Math.max(0, Math.min(length, this.windowLength - offset));
      this.window.copy(target, 0, offset, offset + read);
    }
    if (!mayBeLess && read < length) throw new EndOfStreamError();
    return read;
  }
}

function fillFrom(fd: number, target: Uint8Array, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const n = readSync(fd, target, total, length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return total;
}
