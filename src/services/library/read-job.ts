import type { PictureLookout } from './embedded-picture.js';
import { readSidecarLyrics } from './sidecar-lyrics.js';
import { readTags } from './tag-reader.js';
import type { TagJob, TagJobResult } from './tag-reader-pool.js';

/**
 * Reads one job's file (in a tag thread or in this one), asking for pictures as `lookout` says; a
 * `.lrc` beside it takes the place of its embedded lyrics.
 */
export async function readJob(job: TagJob, lookout: PictureLookout): Promise<TagJobResult> {
  const result = await readTags(job.path, job.size, { pictures: job.pictures === true && lookout.wants(job.path) });
  if (result.ok && result.picture) lookout.found(job.path);
  if (result.ok && job.lyricsPath !== undefined) {
    const sidecar = readSidecarLyrics(job.lyricsPath);
    if (sidecar.ok) result.lyrics = sidecar.lyrics;
    else if (sidecar.reason) result.warning ??= `lyrics file ${job.lyricsPath}: ${sidecar.reason}`;
  }
  return { index: job.index, result };
}
