import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SongFile } from '../services/media/song-file-service.js';
import { contentRange, resolveByteRange } from './byte-range.js';
import { sendError } from './http-errors.js';

/**
 * A song's file with single-range support, ETag/If-None-Match and If-Range, so browsers, mpv,
 * GStreamer and ExoPlayer can seek: the HTTP API's stream and Subsonic's stream/download both send
 * it this way. `downloadName` adds a Content-Disposition attachment.
 */
export function sendSongFile(request: FastifyRequest, reply: FastifyReply, file: SongFile, downloadName?: string): FastifyReply {
  const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
  const lastModified = new Date(file.mtimeMs).toUTCString();
  if (matchesEtag(request.headers['if-none-match'], etag)) {
    // The client has this version already (RFC 9110: If-None-Match wins over Range and If-Range).
    return reply.code(304).header('etag', etag).header('last-modified', lastModified).header('cache-control', 'private, max-age=0').send();
  }
  // If-Range: resume only the same version of the file; a changed file is sent whole.
  const ifRange = request.headers['if-range'];
  const sameVersion = ifRange === undefined || ifRange === etag || ifRange === lastModified;
  const range = resolveByteRange(sameVersion ? request.headers.range : undefined, file.size);
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('last-modified', lastModified)
    .header('cache-control', 'private, max-age=0');
  if (downloadName !== undefined) reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`);

  if (range.kind === 'unsatisfiable') {
    reply.header('content-range', contentRange(range, file.size));
    return sendError(reply, { status: 416, code: 'range_not_satisfiable', message: `range not satisfiable for ${file.size} bytes` });
  }
  reply.type(file.mimeType);
  if (range.kind === 'full') {
    reply.header('content-length', String(file.size));
    return reply.code(200).send(createReadStream(file.path));
  }
  reply
    .header('content-range', contentRange(range, file.size))
    .header('content-length', String(range.end - range.start + 1));
  return reply.code(206).send(createReadStream(file.path, { start: range.start, end: range.end }));
}

/** If-None-Match: `*` or a list of entity tags, weak ones (W/"...") compared weakly as GET allows. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
