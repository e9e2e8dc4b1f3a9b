import { Worker } from 'node:worker_threads';
import { fromWireError, type SearchCalls, type SearchMethod, type SearchReply, type SearchRequest } from './search-calls.js';

/**
 * Each search thread's page cache (KiB). The server's own connection keeps SQLite's 2 MB; a search
 * reads the same index pages again and again, and at 2 MB a 500-candidate query took twice as long
 * as at 16 MB (measured at 1M songs).
 */
export const SEARCH_WORKER_CACHE_KIB = 8000;

/** Searches answered by worker threads, each with its own read-only SQLite connection. */
export interface SearchPool {
  readonly size: number;
  call<M extends SearchMethod>(method: M, ...args: Parameters<SearchCalls[M]>): ReturnType<SearchCalls[M]>;
  /** Stops the threads; calls still waiting are refused. */
  close(): Promise<void>;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

export interface SearchPoolOptions {
  path: string;
  size: number;
  /** Each worker connection's page cache in KiB. */
  cacheKib: number;
}

/**
 * Starts `size` search threads on the database at `path` and resolves once each has opened it. A call
 * goes to the thread with the fewest calls waiting. A thread that dies fails only its own calls and
 * is started again for the next ones.
 */
export async function startSearchPool({ path, size, cacheKib }: SearchPoolOptions): Promise<SearchPool> {
  let nextId = 1;
  let closed = false;
  const threads: Thread[] = [];
  const replacements = new Set<Promise<void>>();

  async function startThread(): Promise<Thread> {
    const worker = startWorker({ path, cacheKib });
    const thread: Thread = { worker, waiting: new Map() };
    await new Promise<void>((resolve, reject) => {
      const onReady = (message: unknown) => {
        if (message !== 'ready') return;
        worker.off('message', onReady).off('error', reject);
        resolve();
      };
      worker.on('message', onReady).once('error', reject);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    worker.on('message', (reply: SearchReply) => {
      const waiting = thread.waiting.get(reply.id);
      if (!waiting) return;
      thread.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(fromWireError(reply.error));
      else waiting.resolve(reply.value);
    });
    const fail = (why: string) => {
      const index = threads.indexOf(thread);
      if (index < 0) return;
      threads.splice(index, 1);
      for (const waiting of thread.waiting.values()) waiting.reject(new Error(`a search worker stopped: ${why}`));
      thread.waiting.clear();
      if (closed) return;
      // Calls made meanwhile wait for the new thread (a pool of one would otherwise refuse them).
      const replacing = startThread().then((fresh) => {
        if (closed) void fresh.worker.terminate();
        else threads.push(fresh);
      });
      replacements.add(replacing);
      void replacing.catch(() => undefined).finally(() => replacements.delete(replacing));
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    return thread;
  }

  try {
    threads.push(...(await Promise.all(Array.from({ length: size }, () => startThread()))));
  } catch (error) {
    closed = true;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    throw error;
  }

  return {
    size,
    call(method, ...args) {
      const send = (): Promise<unknown> => {
        if (closed) return Promise.reject(new Error('the search workers were stopped'));
        const thread = threads.reduce<Thread | undefined>((best, t) => (best === undefined || t.waiting.size < best.waiting.size ? t : best), undefined);
        if (thread === undefined) {
          if (replacements.size === 0) return Promise.reject(new Error('no search worker could be started'));
          return Promise.race(replacements).then(send, send);
        }
        const id = nextId++;
        return new Promise((resolve, reject) => {
          thread.waiting.set(id, { resolve, reject });
          thread.worker.postMessage({ id, method, args } satisfies SearchRequest);
        });
      };
      return send() as ReturnType<SearchCalls[typeof method]>;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(threads.splice(0).map(async (thread) => {
        for (const waiting of thread.waiting.values()) waiting.reject(new Error('the search workers were stopped'));
        thread.waiting.clear();
        await thread.worker.terminate();
      }));
    },
  };
}

function startWorker(workerData: { path: string; cacheKib: number }): Worker {
  const self = import.meta.url;
  // Under tsx/vitest this module is TypeScript; compiled, it sits beside search-worker.js.
  if (self.endsWith('.ts')) {
    // Worker threads cannot take --import; register tsx inside the thread, then load the TypeScript worker.
    const url = JSON.stringify(new URL('./search-worker.ts', self).href);
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); })`, { eval: true, workerData });
  }
  return new Worker(new URL('./search-worker.js', self), { workerData });
}
