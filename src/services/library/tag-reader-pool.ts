import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PictureLookout } from './embedded-picture.js';
import type { TagResult } from './song-tags.js';

export interface TagJob {
  index: number;
  path: string;
  size: number;
  /** Look for an embedded cover (see PictureLookout). */
  pictures?: boolean;
  /** The song's `.lrc` file, read in place of its embedded lyrics. */
  lyricsPath?: string;
}


export interface TagJobResult {
  index: number;
  result: TagResult;
}

const BATCH = 32;
/** Batches a worker holds at once, so it starts the next while this thread handles the previous answer. */
const PER_WORKER = 2;
const IN_PROCESS_IN_FLIGHT = 6;
/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 48;

let warm: { worker: Worker; alive: boolean } | undefined;

/**
 * Starts one tag-reading thread now, before the CLI has loaded the rest of itself, so `tunes library
 * add` does not wait for the thread's start-up (~150 ms) after its own. The next scan's pool adopts it.
 */
export function warmUpTagReader(): void {
  if (warm) return;
  const entry = { worker: startWorker(), alive: true };
  // Not adopted yet: an error only means the pool starts a fresh thread instead.
  entry.worker.on('error', () => (entry.alive = false));
  entry.worker.on('exit', () => (entry.alive = false));
  warm = entry;
}

/** Stops a warmed-up thread no scan adopted (nothing to read, or the command failed first). */
export async function discardWarmTagReader(): Promise<void> {
  const left = warm;
  warm = undefined;
  if (left) await left.worker.terminate();
}

function takeWarmWorker(): Worker | undefined {
  const taken = warm;
  warm = undefined;
  if (taken && !taken.alive) void taken.worker.terminate();
  return taken?.alive ? taken.worker : undefined;
}

export interface ReadAllOptions {
  /** Worker threads to use; 0 reads in this thread. Default: one per core but this one's (1 to 3) once a scan has enough files. */
  workers?: number | undefined;
}

export interface TagReaders {
  /** Queues a file. Its result comes to `onResults` later, once this thread gets back to its event loop. */
  add(job: TagJob): void;
  /** Call once every job is added: resolves when every result has been handed to `onResults`. */
  finish(): Promise<void>;
  /** Stops any threads without waiting for their results (the scan failed). */
  stop(): void;
}

/**
 * Reads tags for jobs as they are added, calling `onResults` as batches finish (in completion order,
 * so the caller writes them while later files are still being read and the walk is still going).
 * Worker threads start as soon as a scan has enough files to be worth them, so they load music-metadata
 * and parse the first folders while this thread walks the rest.
 */
export function startTagReaders(onResults: (results: TagJobResult[]) => void, options: ReadAllOptions = {}): TagReaders {
  const maxWorkers = options.workers ?? defaultWorkers();
  const queue: TagJob[] = [];
  let added = 0;
  let pool: WorkerPool | undefined;
  return {
    add(job) {
      added += 1;
      queue.push(job);
      // A warmed-up thread is already paid for, so it reads even a small scan.
      if (!pool && maxWorkers > 0 && (options.workers !== undefined || added >= WORKER_THRESHOLD || warm?.alive)) {
        pool = new WorkerPool(queue, onResults, maxWorkers);
      }
      pool?.pump();
    },
    finish() {
      if (!pool) return readInProcess(queue.splice(0), onResults);
      return pool.finish();
    },
    stop() {
      queue.length = 0;
      pool?.fail(new Error('tag reading stopped'));
    },
  };
}

/**
 * This thread only walks and writes (one statement per batch, a few percent of the work), so parsing
 * bounds a first scan: one thread per core but this one's (1 to 3). Each thread pays ~150 ms of CPU to
 * start and warm up; on a 2-core machine a second one made a 2,000-file scan no faster, idle or loaded.
 * Not tuned by the load average: a scan should cost the same on every run.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

async function readInProcess(jobs: TagJob[], onResults: (results: TagJobResult[]) => void): Promise<void> {
  // Loaded here, not at the top: the reader (with chardet, for lyrics files) is for scans only, and
  // the worker threads load their own.
  const { readJob } = await import('./read-job.js');
  let next = 0;
  const lookout = new PictureLookout();
  const lane = async () => {
    while (next < jobs.length) onResults([await readJob(jobs[next++]!, lookout)]);
  };
  await Promise.all(Array.from({ length: Math.min(IN_PROCESS_IN_FLIGHT, jobs.length) }, lane));
}

interface Thread {
  worker: Worker;
  outstanding: number;
}

/** Hands queued jobs to up to `maxWorkers` threads, starting one only when there is a batch for it. */
class WorkerPool {
  private readonly threads: Thread[] = [];
  private closing = false;
  private failure: { error: unknown } | undefined;
  private settle: ((failure?: { error: unknown }) => void) | undefined;

  constructor(
    private readonly queue: TagJob[],
    private readonly onResults: (results: TagJobResult[]) => void,
    private readonly maxWorkers: number,
  ) {}

  /** Sends full batches (any batch once closing) to threads with room. */
  pump(): void {
    if (this.failure) {
      this.queue.length = 0;
      return;
    }
    while (this.queue.length >= BATCH || (this.closing && this.queue.length > 0)) {
      const thread = this.threadWithRoom();
      if (!thread) return;
      thread.worker.postMessage(this.queue.splice(0, BATCH));
      thread.outstanding += 1;
    }
    this.settleIfDone();
  }

  finish(): Promise<void> {
    this.closing = true;
    const done = new Promise<void>((resolve, reject) => {
      this.settle = (failure) => (failure ? reject(failure.error) : resolve());
    });
    if (this.failure) this.settle?.(this.failure);
    else this.pump();
    return done;
  }

  private threadWithRoom(): Thread | undefined {
    let best: Thread | undefined;
    for (const thread of this.threads) if (!best || thread.outstanding < best.outstanding) best = thread;
    if (best && best.outstanding === 0) return best;
    if (this.threads.length < this.maxWorkers) return this.startThread();
    return best && best.outstanding < PER_WORKER ? best : undefined;
  }

  private startThread(): Thread {
    const thread: Thread = { worker: takeWarmWorker() ?? startWorker(), outstanding: 0 };
    this.threads.push(thread);
    thread.worker.on('message', (results: TagJobResult[]) => {
      thread.outstanding -= 1;
      if (this.failure) return;
      try {
        this.onResults(results);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.pump();
    });
    thread.worker.on('error', (error) => this.fail(error));
    return thread;
  }

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.queue.length = 0;
    this.stopThreads();
    this.settle?.(this.failure);
  }

  private settleIfDone(): void {
    if (!this.closing || !this.settle || this.queue.length > 0) return;
    if (this.threads.some((t) => t.outstanding > 0)) return;
    this.stopThreads();
    this.settle();
  }

  private stopThreads(): void {
    for (const thread of this.threads) void thread.worker.terminate();
  }
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
