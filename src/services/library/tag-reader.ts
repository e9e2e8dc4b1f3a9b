import { basename, extname } from 'node:path';
import type { IAudioMetadata, IOptions } from 'music-metadata';
import { lengthClock } from '../../text/clock-time.js';
import { checkAudio, type ByteReader } from './audio-check/check-audio.js';
import { embeddedLyrics } from './embedded-lyrics.js';
import { embeddedPicture } from './embedded-picture.js';
import { openRegularFile, plausibleDurationMs } from './file-sanity.js';
import type { SongTags, TagResult } from './song-tags.js';

interface OpenFile {
  /** Parses from the start of the file (again, when called again). */
  parse(options: IOptions): Promise<IAudioMetadata>;
  /** Reads without a known size from now on (an MP4 cut short; see SyncFileTokenizer). */
  forgetSize(): void;
  reader: ByteReader;
  close(): Promise<void>;
}
type Open = (path: string, size: number) => OpenFile;
let openerPromise: Promise<Open> | undefined;

/**
 * music-metadata (and our tokenizer, which needs strtok3) are imported on first use, so commands that
 * never read tags do not pay for loading them.
 */
function loadOpener(): Promise<Open> {
  openerPromise ??= Promise.all([import('music-metadata'), import('./sync-file-tokenizer.js')]).then(
    ([{ parseFromTokenizer }, { SyncFileTokenizer }]) =>
      (path, size) => {
        const tokenizer = new SyncFileTokenizer(openRegularFile(path), path, size);
        return {
          parse(options) {
            tokenizer.setPosition(0);
            return parseFromTokenizer(tokenizer, options);
          },
          forgetSize: () => delete tokenizer.fileInfo.size,
          reader: { size, bytesAt: (position, length) => tokenizer.bytesAt(position, length) },
          close: () => tokenizer.close(),
        };
      },
  );
  return openerPromise;
}

/** Starts loading the parser now (a worker thread does this while the first batch is on its way). */
export function preloadTagReader(): void {
  loadOpener().catch(() => {}); // a load failure surfaces again, per file, from readTags
}

export interface ReadOptions {
  /** Decode embedded pictures too (they cost a copy and a hash; the scan asks for one per folder). */
  pictures?: boolean | undefined;
}

/**
 * Reads one file's tags, and checks from its bytes that it holds audio and how long that plays.
 * Never throws: a file that cannot be read comes back with the reason.
 */
export async function readTags(path: string, size: number, options: ReadOptions = {}): Promise<TagResult> {
  if (size === 0) return { ok: false, reason: 'empty file' };
  let file: OpenFile | undefined;
  try {
    file = (await loadOpener())(path, size);
    // Durations come from headers; only formats without one (raw ADTS, VBR MP3 without a Xing frame) are scanned.
    let metadata: IAudioMetadata;
    let cutShortMp4 = false;
    const skipCovers = !options.pictures;
    try {
      metadata = await file.parse({ duration: false, skipCovers });
    } catch (error) {
      // An MP4 whose audio box runs past the end of the file: cut short, but what is there may play.
      if (!(error instanceof Error && error.message.startsWith('Atom size exceeds remaining bytes'))) throw error;
      cutShortMp4 = true;
      file.forgetSize();
      metadata = await file.parse({ duration: false, skipCovers });
    }
    if (!looksLikeAudio(metadata)) {
      if (cutShortMp4) return { ok: false, reason: 'cut short: the file ends before the index (moov box) that tells how to play its audio' };
      return { ok: false, reason: 'not an audio file (no audio stream found)' };
    }
    const check = checkAudio(metadata.format, file.reader);
    if (!check.ok) return check;
    const picture = options.pictures ? embeddedPicture(metadata.common.picture) : undefined;
    if (metadata.format.duration === undefined) metadata = await file.parse({ duration: true, skipCovers: true });
    const tags = toSongTags(path, metadata);
    // Counted from the frames present when the check did; else the header's, if the file can hold it.
    tags.duration_ms = check.durationMs ?? plausibleDurationMs(tags.duration_ms, size);
    // A length the header claims but the bytes cannot hold (a corrupt Xing count) is unknown, not 0 s.
    if (!tags.duration_ms && !metadata.format.duration) return { ok: false, reason: 'no audio in the file (it plays for 0 seconds)' };
    const lyrics = embeddedLyrics(metadata);
    const found = { ...(picture ? { picture } : {}), ...(lyrics ? { lyrics } : {}) };
    if (!check.truncated) return { ok: true, tags, ...found };
    const promised = lengthClock((metadata.format.duration ?? 0) * 1000);
    const plays = `${check.estimated ? 'about ' : ''}${lengthClock(tags.duration_ms)}`;
    return { ok: true, tags, ...found, warning: `cut short: it plays ${plays} of the ${promised} its header says` };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await file?.close();
  }
}

function looksLikeAudio({ format }: IAudioMetadata): boolean {
  return format.codec !== undefined || format.sampleRate !== undefined || format.duration !== undefined;
}

function text(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}

/** TCMP, cpil, COMPILATION=1, or the TXXX frame ffmpeg and some taggers write to MP3 instead of TCMP. */
function compilationFlag({ common, native }: IAudioMetadata): boolean {
  if (common.compilation === true) return true;
  return Object.values(native).some((tags) =>
    tags.some((tag) => /^TXXX:(compilation|TCMP)$/i.test(tag.id) && String(tag.value).trim() === '1'),
  );
}

export function toSongTags(path: string, metadata: IAudioMetadata): SongTags {
  const { common, format } = metadata;
  const genres = (common.genre ?? []).map((g) => g.trim()).filter(Boolean);
  return {
    title: text(common.title) ?? basename(path, extname(path)),
    artist: text(common.artist) ?? text(common.albumartist),
    album: text(common.album),
    album_artist: text(common.albumartist),
    genre: genres.length > 0 ? genres.join('; ') : null,
    year: positive(common.year),
    track_no: positive(common.track.no),
    disc_no: positive(common.disk.no),
    duration_ms: plausibleDurationMs(format.duration === undefined ? null : format.duration * 1000),
    codec: text(format.codec),
    bitrate: positive(format.bitrate),
    sample_rate: positive(format.sampleRate),
    replaygain_track_gain_db: rounded(common.replaygain_track_gain?.dB, 2),
    replaygain_track_peak: rounded(common.replaygain_track_peak?.ratio, 6),
    replaygain_album_gain_db: rounded(common.replaygain_album_gain?.dB, 2),
    replaygain_album_peak: rounded(common.replaygain_album_peak?.ratio, 6),
    compilation_tag: compilationFlag(metadata),
  };
}

/** ReplayGain as stored: gains to 0.01 dB and peaks to 6 places, as tags write them; else null. */
function rounded(value: number | undefined, digits: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(digits)) : null;
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'file disappeared during the scan';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTREG') return 'not a regular file (a pipe or a device)';
  const message = error instanceof Error ? error.message : String(error);
  return `unreadable or corrupt audio: ${message.split('\n')[0]}`;
}
