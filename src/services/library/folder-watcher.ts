import { basename, dirname } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface FolderWatcherEvents {
  /** Folders that changed (or hold a file that did), gathered until things went quiet. */
  onChanges(folders: Set<string>): void;
  /** The system cannot watch any more folders (inotify's max_user_watches, open files): watching stopped. */
  onLimit(error: Error): void;
}

export interface FolderWatcher {
  add(folders: readonly string[]): void;
  close(): Promise<void>;
}

/** Quiet time after the last change before a batch goes out, and the longest a busy copy holds one back. */
export const DEBOUNCE_MS = 1000;
export const MAX_WAIT_MS = 5000;
const LIMIT_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/**
 * Watches folders (every folder under them; hidden ones skipped, as the scan skips them) with chokidar,
 * and hands on the folders that changed in debounced batches. Resolves once the folders are watched.
 */
export async function watchFolders(folders: readonly string[], events: FolderWatcherEvents): Promise<FolderWatcher> {
  const roots = new Set(folders);
  const watcher: FSWatcher = watch([...folders], {
    ignoreInitial: true,
    ignored: (path: string) => !roots.has(path) && basename(path).startsWith('.'),
  });
  let pending = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let closed = false;
  // A watch that hits the limit while it sets up never gets ready: the limit ends the waiting too.
  let settle: () => void = () => undefined;
  const send = () => {
    quiet = undefined;
    if (pending.size === 0 || closed) return;
    const batch = pending;
    pending = new Set();
    events.onChanges(batch);
  };
  watcher.on('all', (event: string, path: string) => {
    if (closed) return;
    // A folder that appeared is scanned itself; anything else through the folder that holds it.
    pending.add(event === 'addDir' ? path : dirname(path));
    if (pending.size === 1 && quiet === undefined) firstPendingAt = Date.now();
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(send, Math.max(0, Math.min(DEBOUNCE_MS, firstPendingAt + MAX_WAIT_MS - Date.now())));
  });
  watcher.on('error', (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    if (closed || typeof code !== 'string' || !LIMIT_CODES.has(code)) return;
    closed = true;
    if (quiet) clearTimeout(quiet);
    void watcher.close();
    events.onLimit(error as Error);
    settle();
  });
  await new Promise<void>((resolve) => {
    settle = resolve;
    watcher.once('ready', () => resolve());
  });
  return {
    add(more) {
      for (const folder of more) roots.add(folder);
      if (!closed) watcher.add([...more]);
    },
    async close() {
      closed = true;
      if (quiet) clearTimeout(quiet);
      await watcher.close();
    },
  };
}
