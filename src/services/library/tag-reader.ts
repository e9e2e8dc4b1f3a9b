import { basename, extname } from 'node:path';
import type { IAudioMetadata, IOptions } from 'music-metadata';
import { openRegularFile, plausibleDurationMs } from './file-sanity.js';
import { UNKNOWN_ALBUM, UNKNOWN_ARTIST, type SongTags, type TagResult } from './song-tags.js';

type Parse = (path: string, size: number, options: IOptions) => Promise<IAudioMetadata>;
let parserPromise: Promise<Parse> | undefined;

/**
 * music-metadata (and our tokenizer, which needs strtok3) are imported on first use, so commands that
 * never read tags do not pay for loading them.
 */
function loadParser(): Promise<Parse> {
  parserPromise ??= Promise.all([import('music-metadata'), import('./sync-file-tokenizer.js')]).then(
    ([{ parseFromTokenizer }, { SyncFileTokenizer }]) =>
      async (path, size, options) => {
        const tokenizer = new SyncFileTokenizer(openRegularFile(path), path, size);
        try {
          return await parseFromTokenizer(tokenizer, options);
        } finally {
          await tokenizer.close();
        }
      },
  );
  return parserPromise;
}

/** Starts loading the parser now (a worker thread does this while the first batch is on its way). */
export function preloadTagReader(): void {
  loadParser().catch(() => {}); // a load failure surfaces again, per file, from readTags
}

/** Reads one file's tags. Never throws: a file that cannot be read comes back with the reason. */
export async function readTags(path: string, size: number): Promise<TagResult> {
  if (size === 0) return { ok: false, reason: 'empty file' };
  try {
    const parse = await loadParser();
    // Durations come from headers; only formats without one (raw ADTS, VBR MP3 without a Xing frame) are scanned.
    let metadata = await parse(path, size, { duration: false, skipCovers: true });
    if (!looksLikeAudio(metadata)) return { ok: false, reason: 'not an audio file (no audio stream found)' };
    if (metadata.format.duration === undefined) metadata = await parse(path, size, { duration: true, skipCovers: true });
    const tags = toSongTags(path, metadata);
    tags.duration_ms = plausibleDurationMs(tags.duration_ms, size);
    return { ok: true, tags };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
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

export function toSongTags(path: string, { common, format }: IAudioMetadata): SongTags {
  const genres = (common.genre ?? []).map((g) => g.trim()).filter(Boolean);
  return {
    title: text(common.title) ?? basename(path, extname(path)),
    artist: text(common.artist) ?? text(common.albumartist) ?? UNKNOWN_ARTIST,
    album: text(common.album) ?? UNKNOWN_ALBUM,
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
