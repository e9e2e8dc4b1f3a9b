import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readTags } from './tag-reader.js';
import type { TagResult } from './song-tags.js';

export interface TagJob {
  index: number;
  path: string;
  size: number;
}

export interface TagJobResult {
  index: number;
  result: TagResult;
}

const BATCH = 32;
const IN_PROCESS_IN_FLIGHT = 6;
/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 48;

export interface ReadAllOptions {
  /** Worker threads to use; 0 reads in this thread. Default: one per core (max 4) for big jobs. */
  workers?: number | undefined;
}

/**
 * Reads the tags of every job, calling `onResults` as batches finish (in completion order, so the
 * caller can write them while later files are still being read).
 */
export async function readAllTags(
  jobs: TagJob[],
  onResults: (results: TagJobResult[]) => void,
  options: ReadAllOptions = {},
): Promise<void> {
  const workers = options.workers ?? (jobs.length < WORKER_THRESHOLD ? 0 : Math.min(4, availableParallelism()));
  if (workers <= 0 || jobs.length === 0) return readInProcess(jobs, onResults);
  return readInWorkers(jobs, onResults, Math.min(workers, Math.ceil(jobs.length / BATCH)));
}

async function readInProcess(jobs: TagJob[], onResults: (results: TagJobResult[]) => void): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      onResults([{ index: job.index, result: await readTags(job.path, job.size) }]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_PROCESS_IN_FLIGHT, jobs.length) }, lane));
}

function readInWorkers(jobs: TagJob[], onResults: (results: TagJobResult[]) => void, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const threads: Worker[] = [];
    const finish = (error?: unknown) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      if (error !== undefined || running === 0) {
        for (const thread of threads) void thread.terminate();
        if (error !== undefined) reject(error);
        else resolve();
      }
    };
    const feed = (thread: Worker) => {
      if (next >= jobs.length) {
        running -= 1;
        finish();
        return;
      }
      thread.postMessage(jobs.slice(next, next + BATCH));
      next += BATCH;
    };
    for (let i = 0; i < count; i += 1) {
      const thread = startWorker();
      threads.push(thread);
      running += 1;
      thread.on('message', (results: TagJobResult[]) => {
        try {
          onResults(results);
        } catch (error) {
          finish(error);
          return;
        }
        feed(thread);
      });
      thread.on('error', (error) => finish(error));
      feed(thread);
    }
  });
}

function startWorker(): Worker {
  const self = import.meta.url;
  // Under tsx/vitest this module is TypeScript; compiled, it sits beside tag-worker.js.
  if (self.endsWith('.ts')) {
    // Worker threads cannot take --import; register tsx inside the thread, then load the TypeScript worker.
    const url = JSON.stringify(new URL('./tag-worker.ts', self).href);
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); })`, { eval: true });
  }
  return new Worker(new URL('./tag-worker.js', self));
}
