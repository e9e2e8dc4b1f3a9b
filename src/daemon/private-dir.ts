import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { TunesError } from '../errors.js';

/**
 * Makes sure `dir` exists, is a real folder (not a link someone planted), belongs to this user and
 * is closed to everyone else (0700), as tmux checks its socket folder. Node cannot ask the kernel
 * who is at the other end of a Unix socket (no SO_PEERCRED), so this folder and the socket's own
 * mode (0600) are what keep other users out: connecting needs write access to the socket file.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  if (!info.isDirectory()) throw new TunesError('io', `${dir} is not a folder, so the player cannot keep its socket there`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new TunesError('io', `${dir} belongs to another user, so the player cannot keep its socket there`, 'remove it, or set XDG_RUNTIME_DIR');
  }
  if ((info.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
