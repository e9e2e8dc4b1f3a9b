import type { IFormat } from 'music-metadata';
import { ascii, type AudioCheck, type ByteReader } from './byte-reader.js';
import { checkPayload } from './container-payload.js';
import { checkFlac } from './flac-audio.js';
import { checkAdts, checkMpeg } from './mpeg-audio.js';

export type { AudioCheck, ByteReader } from './byte-reader.js';

/**
 * Whether a file music-metadata parsed holds audio, and how long it really plays, from its bytes:
 * what ffprobe would say (a stream of frames that follow each other) rather than what a header
 * promises. Formats whose parser reads to the last frame (Ogg's last page, ADTS, WAV's data size
 * against the file's) already get their real length from music-metadata.
 */
export function checkAudio(format: IFormat, reader: ByteReader): AudioCheck {
  const headerMs = format.duration === undefined ? undefined : format.duration * 1000;
  const container = format.container ?? '';
  if (container === 'MPEG') return checkMpeg(reader, headerMs, format.tagTypes ?? []);
  if (container === 'FLAC') return checkFlac(reader);
  if (container.startsWith('ADTS')) return checkAdts(reader);
  if (headerMs === undefined) return { ok: true };
  if (container.startsWith('AIFF')) return checkPayload('aiff', reader, headerMs);
  if (container.startsWith('ASF')) return checkPayload('asf', reader, headerMs);
  if (ascii(reader.bytesAt(4, 4), 0, 4) === 'ftyp') return checkPayload('mp4', reader, headerMs);
  return { ok: true };
}
