import { afterId3v2, ascii, fine, uint32be, type AudioCheck, type ByteReader } from './byte-reader.js';

/** How far past the tags a first frame may start (encoders and taggers leave some junk). */
const SYNC_SEARCH = 64 * 1024;
/** Frames in a row that must follow each other exactly: random bytes do not. */
const CHAIN = 4;

const BITRATES: Record<string, readonly number[]> = {
  // kbit/s by bitrate index, for MPEG-1 and MPEG-2/2.5, layers I-III.
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = [44100, 48000, 32000];

interface FrameHeader {
  /** 1 (MPEG-1), 2 (MPEG-2) or 2.5. */
  version: number;
  layer: number;
  sampleRate: number;
  mono: boolean;
  length: number;
  samples: number;
}

export function frameHeader(b: Uint8Array, at: number): FrameHeader | undefined {
  if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b[at + 1]! >> 3) & 3;
  const layerBits = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  // Reserved values, and "free format" (index 0: no length to check a chain by).
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = 4 - layerBits;
  const kbps = BITRATES[`${version === 1 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (version === 1 ? 1 : version === 2 ? 2 : 4);
  const padding = (b[at + 2]! >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
  const length = layer === 1 ? Math.floor((12 * kbps * 1000) / sampleRate + padding) * 4 : Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding;
  return { version, layer, sampleRate, mono: b[at + 3]! >> 6 === 3, length, samples };
}

/**
 * MPEG audio (MP3): a real stream is frames that follow each other exactly; music-metadata takes the
 * first two bytes that look like a frame header, so 20 KB of random bytes became a 0:00 song. A file
 * cut short keeps the length its Xing/Info or VBRI header promises: the bytes present tell the truth.
 */
export function checkMpeg(reader: ByteReader, headerDurationMs: number | undefined, tagTypes: readonly string[]): AudioCheck {
  const tagEnd = afterId3v2(reader);
  const start = findChain(reader, tagEnd, (position) => mpegChain(reader, position));
  if (start === undefined) return { ok: false, reason: 'not an audio file (no MPEG audio frames found)' };
  if (headerDurationMs === undefined) return fine; // music-metadata counted the frames: that is the truth
  const frame = reader.bytesAt(start, 256);
  const header = frameHeader(frame, 0)!;
  const bytes = vbrBytes(frame, 0, header);
  if (bytes === undefined) return fine;
  const end = audioEnd(reader, tagTypes);
  // A little slack: some encoders count the tag frame or the padding differently.
  if (end - start >= bytes * 0.98) return fine;
  // Cut short (rare): count the whole frames that are there, after the Xing/VBRI frame (which holds no audio).
  let frames = 0;
  for (let offset = start + header.length; offset + 4 <= end; frames += 1) {
    const next = frameHeader(reader.bytesAt(offset, 4), 0);
    if (!next || offset + next.length > end) break;
    offset += next.length;
  }
  return { ok: true, truncated: true, durationMs: Math.round((frames * header.samples * 1000) / header.sampleRate) };
}

/**
 * AAC in ADTS frames (.aac): like MPEG audio, a real stream is frames in a row, each header giving
 * the length of its frame.
 */
export function checkAdts(reader: ByteReader): AudioCheck {
  const found = findChain(reader, afterId3v2(reader), (position) => adtsChain(reader, position));
  return found === undefined ? { ok: false, reason: 'not an audio file (no AAC frames found)' } : fine;
}

function adtsLength(b: Uint8Array): number | undefined {
  // Sync (12 bits), layer 0, a sampling frequency index that exists, and a length past the header.
  if (b.length < 7 || b[0] !== 0xff || (b[1]! & 0xf6) !== 0xf0 || ((b[2]! >> 2) & 0x0f) > 12) return undefined;
  const length = ((b[3]! & 0x03) << 11) | (b[4]! << 3) | (b[5]! >> 5);
  return length > 7 ? length : undefined;
}

function adtsChain(reader: ByteReader, position: number): boolean {
  let offset = position;
  for (let n = 0; n < CHAIN; n += 1) {
    if (n > 0 && offset === reader.size) return true;
    const length = adtsLength(reader.bytesAt(offset, 7));
    if (length === undefined) return false;
    offset += length;
  }
  return true;
}

/**
 * The first position (from `from`, within SYNC_SEARCH) where `chain` holds. Read in small slices: the
 * first frame nearly always starts right after the tags, and a bigger read per file costs every file.
 */
function findChain(reader: ByteReader, from: number, chain: (position: number) => boolean): number | undefined {
  // A first small slice: the frame is nearly always right there.
  for (let start = from, slice = 256; start < from + SYNC_SEARCH && start < reader.size; start += slice, slice = 4096) {
    const bytes = reader.bytesAt(start, slice);
    for (let at = 0; at < bytes.length; at += 1) if (bytes[at] === 0xff && chain(start + at)) return start + at;
  }
  return undefined;
}

function mpegChain(reader: ByteReader, position: number): boolean {
  const first = frameHeader(reader.bytesAt(position, 4), 0);
  if (!first) return false;
  let offset = position;
  let header: FrameHeader | undefined = first;
  for (let n = 1; n < CHAIN; n += 1) {
    offset += header.length;
    if (offset === reader.size) return true; // a short file: its frames end exactly at its end
    const next = reader.bytesAt(offset, 4);
    header = frameHeader(next, 0);
    if (!header || header.version !== first.version || header.layer !== first.layer || header.sampleRate !== first.sampleRate) return false;
  }
  return true;
}

/** The stream size a Xing/Info or VBRI header gives, if any. */
function vbrBytes(window: Uint8Array, at: number, header: FrameHeader): number | undefined {
  const sideInfo = header.version === 1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const xing = at + 4 + sideInfo;
  const tag = window.length >= xing + 16 ? ascii(window, xing, 4) : '';
  if (tag === 'Xing' || tag === 'Info') {
    const flags = uint32be(window, xing + 4);
    if (!(flags & 2)) return undefined;
    return uint32be(window, xing + 8 + (flags & 1 ? 4 : 0)) || undefined;
  }
  const vbri = at + 4 + 32;
  if (window.length >= vbri + 18 && ascii(window, vbri, 4) === 'VBRI') return uint32be(window, vbri + 10) || undefined;
  return undefined;
}

/**
 * The end of the audio: before an ID3v1 tag and an APEv2 tag at the end, when music-metadata found
 * them (so a file without reads nothing more at its end).
 */
function audioEnd(reader: ByteReader, tagTypes: readonly string[]): number {
  let end = reader.size;
  if (tagTypes.includes('ID3v1') && end >= 128 && ascii(reader.bytesAt(end - 128, 3), 0, 3) === 'TAG') end -= 128;
  if (!tagTypes.includes('APEv2')) return end;
  const apeFooter = end >= 32 ? reader.bytesAt(end - 32, 32) : new Uint8Array(0);
  if (apeFooter.length === 32 && ascii(apeFooter, 0, 8) === 'APETAGEX') {
    const size = apeFooter[12]! | (apeFooter[13]! << 8) | (apeFooter[14]! << 16) | (apeFooter[15]! << 24);
    end -= size + (apeFooter[23]! & 0x80 ? 32 : 0);
  }
  return end;
}
