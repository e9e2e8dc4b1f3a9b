import { ascii, fine, uint32be, uint32le, type AudioCheck, type ByteReader } from './byte-reader.js';

/**
 * Containers that say up front how many bytes of audio follow (AIFF's SSND chunk, WMA's data object,
 * MP4's mdat box): a file cut short holds fewer, and plays that much shorter than its header's length.
 */
export function checkPayload(kind: 'aiff' | 'asf' | 'mp4', reader: ByteReader, headerDurationMs: number): AudioCheck {
  const payload = kind === 'aiff' ? aiffSound(reader) : kind === 'asf' ? asfData(reader) : mp4Data(reader);
  if (!payload || payload.declared <= 0) return fine;
  const present = Math.max(0, Math.min(payload.declared, reader.size - payload.start));
  if (present >= payload.declared) return fine;
  if (present === 0) return { ok: false, reason: 'truncated: the file ends before its audio' };
  // AIFF's frames are all one size: its share is exact. Compressed packets vary: an estimate.
  return { ok: true, truncated: true, estimated: kind !== 'aiff', durationMs: Math.round((headerDurationMs * present) / payload.declared) };
}

interface Payload {
  /** Where the audio bytes start. */
  start: number;
  /** How many the header says there are. */
  declared: number;
}

function aiffSound(reader: ByteReader): Payload | undefined {
  for (let offset = 12; offset + 8 <= reader.size; ) {
    const head = reader.bytesAt(offset, 16);
    if (head.length < 8) return undefined;
    const size = uint32be(head, 4);
    // SSND: offset and block size (8 bytes), then the sound data.
    if (ascii(head, 0, 4) === 'SSND') return { start: offset + 16, declared: size - 8 };
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

const ASF_DATA_OBJECT = [0x36, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];

function asfData(reader: ByteReader): Payload | undefined {
  // The header object comes first; the data object follows it.
  const header = reader.bytesAt(16, 8);
  if (header.length < 8) return undefined;
  const dataAt = uint32le(header, 0) + uint32le(header, 4) * 2 ** 32;
  const data = reader.bytesAt(dataAt, 24);
  if (data.length < 24 || !ASF_DATA_OBJECT.every((byte, i) => data[i] === byte)) return undefined;
  const size = uint32le(data, 16) + uint32le(data, 20) * 2 ** 32;
  // The object's own header: GUID, size, file id, packet count, reserved (50 bytes).
  return { start: dataAt + 50, declared: size - 50 };
}

function mp4Data(reader: ByteReader): Payload | undefined {
  for (let offset = 0; offset + 8 <= reader.size; ) {
    const head = reader.bytesAt(offset, 16);
    if (head.length < 8) return undefined;
    let size = uint32be(head, 0);
    let headerLength = 8;
    if (size === 1 && head.length >= 16) {
      size = uint32be(head, 8) * 2 ** 32 + uint32be(head, 12);
      headerLength = 16;
    } else if (size === 0) size = reader.size - offset; // to the end of the file
    if (size < headerLength) return undefined;
    if (ascii(head, 4, 4) === 'mdat') return { start: offset + headerLength, declared: size - headerLength };
    offset += size;
  }
  return undefined;
}
