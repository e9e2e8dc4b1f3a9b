import { parentPort } from 'node:worker_threads';
import { preloadTagReader, readTags } from './tag-reader.js';
import type { TagJob, TagJobResult } from './tag-reader-pool.js';

// A worker thread: reads tags for batches of files, one at a time: reads are synchronous (see
// SyncFileTokenizer), so more in flight would only interleave parses.

preloadTagReader();

parentPort?.on('message', async (jobs: TagJob[]) => {
  const results: TagJobResult[] = [];
  for (const job of jobs) results.push({ index: job.index, result: await readTags(job.path, job.size) });
  parentPort?.postMessage(results);
});
