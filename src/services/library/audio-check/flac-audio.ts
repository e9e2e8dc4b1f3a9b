import { afterId3v2, ascii, fine, type AudioCheck, type ByteReader } from './byte-reader.js';

interface StreamInfo {
  minBlockSize: number;
  maxBlockSize: number;
  maxFrameSize: number;
  sampleRate: number;
  totalSamples: number;
}

/**
 * FLAC: the audio frames after the metadata blocks must be there, and STREAMINFO's sample count is a
 * promise a file cut short does not keep: the last frame's header says how far the samples really go.
 */
export function checkFlac(reader: ByteReader): AudioCheck {
  const start = afterId3v2(reader);
  if (ascii(reader.bytesAt(start, 4), 0, 4) !== 'fLaC') return { ok: false, reason: 'not an audio file (no FLAC stream found)' };
  let offset = start + 4;
  let info: StreamInfo | undefined;
  for (let last = false; !last; ) {
    const head = reader.bytesAt(offset, 4);
    if (head.length < 4) return { ok: false, reason: 'truncated: the file ends inside its FLAC metadata, before any audio' };
    last = (head[0]! & 0x80) !== 0;
    const length = (head[1]! << 16) | (head[2]! << 8) | head[3]!;
    if ((head[0]! & 0x7f) === 0 && length >= 34) info = streamInfo(reader.bytesAt(offset + 4, 34));
    offset += 4 + length;
  }
  if (!info || info.sampleRate === 0) return { ok: false, reason: 'not an audio file (FLAC without stream information)' };
  const firstFrame = frameAt(reader.bytesAt(offset, 16), 0, info);
  if (!firstFrame) return { ok: false, reason: offset >= reader.size ? 'no audio in the file (FLAC metadata only)' : 'not an audio file (no FLAC audio frames found)' };

  const last = lastFrame(reader, offset, info);
  if (!last) return fine;
  const present = last.firstSample + last.blockSize;
  if (info.totalSamples === 0) return { ok: true, durationMs: Math.round((present * 1000) / info.sampleRate) };
  // The last frame may be a short one: only a gap of more than one block is a file cut short. Then
  // the file ends inside that last frame, which does not decode: the samples before it are what plays.
  if (present + info.maxBlockSize >= info.totalSamples) return fine;
  return { ok: true, truncated: true, durationMs: Math.round((last.firstSample * 1000) / info.sampleRate) };
}

function streamInfo(b: Uint8Array): StreamInfo | undefined {
  if (b.length < 18) return undefined;
  return {
    minBlockSize: (b[0]! << 8) | b[1]!,
    maxBlockSize: (b[2]! << 8) | b[3]!,
    maxFrameSize: (b[7]! << 16) | (b[8]! << 8) | b[9]!,
    sampleRate: (b[10]! << 12) | (b[11]! << 4) | (b[12]! >> 4),
    totalSamples: (b[13]! & 0x0f) * 2 ** 32 + ((((b[14]! << 24) | (b[15]! << 16) | (b[16]! << 8) | b[17]!) >>> 0)),
  };
}

interface Frame {
  firstSample: number;
  blockSize: number;
}

const BLOCK_SIZES = [0, 192, 576, 1152, 2304, 4608, -8, -16, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];

/** The frame header at `at`, when its sync, fields and CRC-8 all hold. */
function frameAt(b: Uint8Array, at: number, info: StreamInfo): Frame | undefined {
  if (b.length < at + 6 || b[at] !== 0xff || (b[at + 1]! & 0xfe) !== 0xf8) return undefined;
  const variable = (b[at + 1]! & 1) === 1;
  const sizeCode = b[at + 2]! >> 4;
  const rateCode = b[at + 2]! & 0x0f;
  const channels = b[at + 3]! >> 4;
  const depth = (b[at + 3]! >> 1) & 7;
  if (sizeCode === 0 || rateCode === 15 || channels > 10 || depth === 3 || (b[at + 3]! & 1) !== 0) return undefined;
  // The frame (or sample) number, coded like UTF-8 in 1 to 7 bytes.
  let p = at + 4;
  const lead = b[p]!;
  const extra = lead < 0x80 ? 0 : lead >= 0xfe ? 6 : lead >= 0xfc ? 5 : lead >= 0xf8 ? 4 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
  if (extra < 0 || b.length < p + extra + 4) return undefined;
  let number = extra === 0 ? lead : lead & (0x3f >> extra);
  for (let i = 1; i <= extra; i += 1) {
    const next = b[p + i]!;
    if ((next & 0xc0) !== 0x80) return undefined;
    number = number * 64 + (next & 0x3f);
  }
  p += extra + 1;
  let blockSize = BLOCK_SIZES[sizeCode]!;
  if (blockSize === -8) blockSize = b[p++]! + 1;
  else if (blockSize === -16) {
    blockSize = ((b[p]! << 8) | b[p + 1]!) + 1;
    p += 2;
  }
  if (rateCode === 12) p += 1;
  else if (rateCode === 13 || rateCode === 14) p += 2;
  if (b.length <= p || crc8(b, at, p) !== b[p]) return undefined;
  return { firstSample: variable ? number : number * info.minBlockSize, blockSize };
}

/**
 * The last frame that starts in the file, found backwards from the end. Audio data can look like a
 * frame header (CRC-8 and all) now and then, so a header counts only when it is the one STREAMINFO
 * says ends the stream (a whole file: the search stops there), or when the one before it ends exactly
 * where it starts, in samples.
 */
function lastFrame(reader: ByteReader, audioStart: number, info: StreamInfo): Frame | undefined {
  // Two frames and a bit: the largest frame STREAMINFO knows of (32 KB when it does not say).
  const span = Math.min(reader.size - audioStart, info.maxFrameSize > 0 ? 3 * info.maxFrameSize + 64 : 32 * 1024);
  const tail = reader.bytesAt(reader.size - span, span);
  const found: Frame[] = [];
  for (let at = tail.length - 6; at >= 0; at -= 1) {
    if (tail[at] !== 0xff || (tail[at + 1]! & 0xfe) !== 0xf8) continue;
    const frame = frameAt(tail, at, info);
    if (!frame || (info.totalSamples > 0 && frame.firstSample >= info.totalSamples)) continue;
    if (found.length === 0 && frame.firstSample + frame.blockSize === info.totalSamples) return frame;
    const later = found.find((f) => f.firstSample === frame.firstSample + frame.blockSize);
    if (later) return later;
    found.push(frame);
  }
  return undefined;
}

function crc8(b: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i += 1) {
    crc ^= b[i]!;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
