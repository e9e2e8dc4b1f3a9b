import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TunesError } from '../errors.js';

const KEY_BYTES = 32;

/**
 * The file holding the key app keys are sealed with: `$TUNES_SERVER_KEY_FILE`, else `server.key` in
 * `$TUNES_HOME`, else beside the default database (`$XDG_DATA_HOME/tunes/server.key`). Every process
 * that creates or checks app keys against one database must read the same key: servers sharing a
 * database (issue 15) point TUNES_SERVER_KEY_FILE at copies of one file.
 */
export function resolveServerKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TUNES_SERVER_KEY_FILE) return resolve(env.TUNES_SERVER_KEY_FILE);
  if (env.TUNES_HOME) return join(resolve(env.TUNES_HOME), 'server.key');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'tunes', 'server.key');
}

/** The 32-byte key in `path` (base64 text), created with mode 0600 on first use. */
export function loadOrCreateServerKey(path: string): Buffer {
  const existing = readKey(path);
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if another process created it first, read theirs instead.
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw keyFileError(path, error);
  }
  const created = readKey(path);
  if (!created) throw new TunesError('io', `the server key file ${path} could not be read back`);
  return created;
}

function readKey(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw keyFileError(path, error);
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new TunesError('io', `the server key file ${path} is not a tunes key (32 bytes, base64)`);
  return key;
}

function keyFileError(path: string, error: unknown): TunesError {
  return new TunesError('io', `cannot use the server key file ${path}: ${(error as Error).message}`);
}
