import { parentPort } from 'node:worker_threads';
import { PictureLookout } from './embedded-picture.js';
import { preloadTagReader } from './tag-reader.js';
import { readJob } from './read-job.js';
import type { TagJob, TagJobResult } from './tag-reader-pool.js';

// A worker thread: reads tags for batches of files, one at a time: reads are synchronous (see
// SyncFileTokenizer), so more in flight would only interleave parses.

preloadTagReader();

const lookout = new PictureLookout();

parentPort?.on('message', async (jobs: TagJob[]) => {
  const results: TagJobResult[] = [];
  for (const job of jobs) results.push(await readJob(job, lookout));
  parentPort?.postMessage(results);
});
