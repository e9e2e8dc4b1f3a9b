import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteReader } from '../../db/dialect/sqlite-reader.js';
import { searchCalls, toWireError, type SearchReply, type SearchRequest } from './search-calls.js';

/** One search thread of `tunes serve`: its own read-only connection, answering one request at a time. */
const { path, cacheKib } = workerData as { path: string; cacheKib: number };
const reader = openSqliteReader(path, { cacheKib });
const calls = searchCalls(reader.db);
const port = parentPort!;

port.on('message', (request: SearchRequest | 'close') => {
  if (request === 'close') {
    void reader.close().finally(() => port.close());
    return;
  }
  const call = calls[request.method] as (...args: unknown[]) => Promise<unknown>;
  call(...request.args).then(
    (value) => port.postMessage({ id: request.id, value } satisfies SearchReply),
    (error: unknown) => port.postMessage({ id: request.id, error: toWireError(error) } satisfies SearchReply),
  );
});
port.postMessage('ready');
