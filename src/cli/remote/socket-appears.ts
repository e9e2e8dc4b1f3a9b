import { watch, type FSWatcher } from 'node:fs';

/** Resolves when something changes in the player's folder (its socket appearing). */
export function socketAppears(runtimeDir: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let watcher: FSWatcher | undefined;
    const done = () => {
      watcher?.close();
      resolve();
    };
    try {
      watcher = watch(runtimeDir, done);
      watcher.on('error', done);
    } catch {
      // The folder is not there yet: the first player makes it. Check again in a while.
      setTimeout(done, 2000);
    }
  });
}
