/**
 * Cuts a stream of text into lines (JSON lines on the player's socket). A line longer than
 * `maxBytes` is not buffered without end: `onOverflow` is told and the rest is dropped.
 */
export class LineSplitter {
  private buffer = '';
  private overflowed = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxBytes: number,
    private readonly onOverflow: () => void,
  ) {}

  push(chunk: string): void {
    if (this.overflowed) return;
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim()) this.onLine(line);
      if (this.overflowed) return;
    }
    // Characters are at most 3 bytes each in UTF-16-to-UTF-8 terms for the BMP; this bound is cheap and safe.
    if (this.buffer.length * 3 > this.maxBytes && Buffer.byteLength(this.buffer) > this.maxBytes) {
      this.overflowed = true;
      this.buffer = '';
      this.onOverflow();
    }
  }
}
