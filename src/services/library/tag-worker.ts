import { parentPort } from 'node:worker_threads';
import { readTags } from './tag-reader.js';
import type { TagJob, TagJobResult } from './tag-reader-pool.js';

// A worker thread: reads tags for batches of files, a few in flight at once (parsing awaits file reads).
const IN_FLIGHT = 6;

parentPort?.on('message', async (jobs: TagJob[]) => {
  const results: TagJobResult[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      results[index] = { index: job.index, result: await readTags(job.path, job.size) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, jobs.length) }, lane));
  parentPort?.postMessage(results);
});
