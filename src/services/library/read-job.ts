import type { PictureLookout } from './embedded-picture.js';
import { readTags } from './tag-reader.js';
import type { TagJob, TagJobResult } from './tag-reader-pool.js';

/** Reads one job's file (in a tag thread or in this one), asking for pictures as `lookout` says. */
export async function readJob(job: TagJob, lookout: PictureLookout): Promise<TagJobResult> {
  const result = await readTags(job.path, job.size, { pictures: job.pictures === true && lookout.wants(job.path) });
  if (result.ok && result.picture) lookout.found(job.path);
  return { index: job.index, result };
}
