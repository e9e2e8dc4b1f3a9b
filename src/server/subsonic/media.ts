import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Song } from '../../domain/song.js';
import { MAX_COVER_SIZE, MIN_COVER_SIZE, type CoverFile } from '../../services/covers/cover-service.js';
import type { Services } from '../../services/container.js';
import { DEFAULT_BITRATE_KBPS, TRANSCODE_FORMATS, type TranscodeFormat, type Transcoder } from '../../services/media/transcoder.js';
import { TunesError } from '../../errors.js';
import { sendSongFile } from '../song-file-reply.js';
import { SENT, type Endpoint, type SubsonicContext } from './context.js';
import { parseEntityId, parseKindId } from './ids.js';
import type { SubsonicParams } from './params.js';

const MAX_BITRATE_KBPS = { mp3: 320, opus: 256, aac: 320 } as const;

/**
 * What `stream` sends: the original unless the client asked for mp3/opus/aac, or for a bit rate below
 * the file's (then mp3, as Subsonic servers do). format=raw never transcodes; without ffmpeg every
 * answer is the original.
 */
async function streamPlan(params: SubsonicParams, song: Song, transcoder: Transcoder): Promise<{ format: TranscodeFormat; kbps: number } | undefined> {
  const format = params.get('format')?.toLowerCase();
  const maxBitRate = params.int('maxBitRate', 0, 0, 10_000);
  if (format === 'raw') return undefined;
  const fileKbps = song.bitrate === null ? undefined : Math.round(song.bitrate / 1000);
  const overLimit = maxBitRate > 0 && (fileKbps === undefined || fileKbps > maxBitRate);
  let target: TranscodeFormat | undefined;
  if (format !== undefined && (TRANSCODE_FORMATS as readonly string[]).includes(format)) target = format as TranscodeFormat;
  else if ((format === undefined || format === '') && overLimit) target = 'mp3';
  if (target === undefined) return undefined;
  const sameCodec = song.path.toLowerCase().endsWith(`.${target === 'aac' ? 'aac' : target}`);
  if (sameCodec && !overLimit) return undefined;
  if (!(await transcoder.available())) return undefined;
  const kbps = Math.min(maxBitRate > 0 ? maxBitRate : DEFAULT_BITRATE_KBPS, MAX_BITRATE_KBPS[target]);
  return { format: target, kbps: Math.max(kbps, 32) };
}

async function sendTranscode(request: FastifyRequest, reply: FastifyReply, transcoder: Transcoder, path: string, plan: { format: TranscodeFormat; kbps: number }, offsetSeconds: number) {
  const job = await transcoder.start({ path, format: plan.format, bitrateKbps: plan.kbps, offsetSeconds });
  // The client hanging up (or the answer ending) ends ffmpeg: no transcode outlives its listener.
  reply.raw.once('close', job.stop);
  request.raw.once('close', () => {
    if (!reply.raw.writableFinished) job.stop();
  });
  reply.code(200).type(job.mime).header('cache-control', 'no-store');
  return reply.send(job.output);
}

async function coverOf(services: Services, rawId: string, size: number | undefined): Promise<CoverFile> {
  const id = parseEntityId(rawId);
  if (id.kind === 'song') return services.covers.songCover(id.id, size);
  if (id.kind === 'album') return services.covers.albumCover(id.id, size);
  const { albums } = await services.browse.artist(id.id);
  const withCover = albums.find((album) => album.has_cover);
  if (!withCover) throw new TunesError('not_found', `artist ${rawId} has no album with a cover`);
  return services.covers.albumCover(withCover.id, size);
}

export function mediaEndpoints({ services, transcoder }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'stream',
      handler: async ({ params, request, reply }) => {
        const song = await services.catalog.getSong(parseKindId(params.required('id'), 'song'));
        const file = await services.songFiles.locate(song.id);
        const plan = await streamPlan(params, song, transcoder);
        if (plan === undefined) sendSongFile(request, reply, file);
        else await sendTranscode(request, reply, transcoder, file.path, plan, params.int('timeOffset', 0, 0, 24 * 3600));
        return SENT;
      },
    },
    {
      name: 'download',
      handler: async ({ params, request, reply }) => {
        const file = await services.songFiles.locate(parseKindId(params.required('id'), 'song'));
        sendSongFile(request, reply, file, basename(file.path));
        return SENT;
      },
    },
    {
      name: 'getCoverArt',
      handler: async ({ params, request, reply }) => {
        const size = params.optionalInt('size', 1, 100_000);
        const fitted = size === undefined ? undefined : Math.min(MAX_COVER_SIZE, Math.max(MIN_COVER_SIZE, size));
        const cover = await coverOf(services, params.required('id'), fitted);
        reply.header('etag', cover.etag).header('cache-control', 'public, max-age=300');
        const match = request.headers['if-none-match'];
        if (match !== undefined && match.split(',').some((tag) => tag.trim() === cover.etag || tag.trim() === '*')) {
          reply.code(304).send();
          return SENT;
        }
        reply.type(cover.mime).header('content-length', String(cover.byte_size)).send(createReadStream(cover.path));
        return SENT;
      },
    },
  ];
}
