import { statSync } from 'node:fs';

/**
 * mpv opens whatever path it is given and waits on it: a FIFO with no writer blocks it forever and
 * a device may never end (`tunes play` would hang). Only regular files (through symlinks) go to
 * mpv; anything else is refused with this reason. A path that does not exist is left to mpv, which
 * reports it like any unreadable file.
 */
export function refusalOf(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? undefined : 'not a regular file (a pipe, a device or a folder)';
  } catch {
    return undefined;
  }
}

/** What mpv gets instead of a refused path: empty, so it fails at once with an entry of its own. */
export const REFUSED_URL = 'memory://';
