/** Synchronous reads from the file being checked (the tag reader's open file and its read window). */
export interface ByteReader {
  readonly size: number;
  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  bytesAt(position: number, length: number): Uint8Array;
}

/** What the bytes say about a file's audio: a reason it has none, or how long it really plays. */
export type AudioCheck =
  | { ok: false; reason: string }
  /**
   * `durationMs`: when the bytes say otherwise than the headers (a file cut short), else undefined;
   * `estimated` when it is worked out from the share of the audio bytes present, not counted.
   */
  | { ok: true; durationMs?: number; truncated?: boolean; estimated?: boolean };

export const fine: AudioCheck = { ok: true };

export function uint32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

export function uint32le(bytes: Uint8Array, at: number): number {
  return ((bytes[at + 3]! << 24) | (bytes[at + 2]! << 16) | (bytes[at + 1]! << 8) | bytes[at]!) >>> 0;
}

export function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** Where the audio starts after any ID3v2 tags at the front (MP3, and FLAC files some taggers prefix). */
export function afterId3v2(reader: ByteReader): number {
  let offset = 0;
  for (;;) {
    const head = reader.bytesAt(offset, 10);
    if (head.length < 10 || ascii(head, 0, 3) !== 'ID3') return offset;
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    offset += 10 + size + (head[5]! & 0x10 ? 10 : 0);
  }
}
