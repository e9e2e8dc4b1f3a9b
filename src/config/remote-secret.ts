import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TunesError } from '../errors.js';
import { resolveConfigFile } from './paths.js';

/**
 * A password kept for a server that accepts nothing else (Subsonic's `p`), sealed with AES-256-GCM
 * under a key file beside config.json (0600): config.json alone (a backup, a dotfiles repo) does
 * not give the password away.
 */
function keyFile(env: NodeJS.ProcessEnv): string {
  return join(dirname(resolveConfigFile(env)), 'remote.key');
}

function loadKey(env: NodeJS.ProcessEnv, create: boolean): Buffer {
  const file = keyFile(env);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (!create) throw new TunesError('auth_failed', `the key that seals this server's password is gone (${file})`, 'log in again');
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export function sealPassword(password: string, env: NodeJS.ProcessEnv = process.env): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', loadKey(env, true), iv);
  const body = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
}

export function unsealPassword(sealed: string, env: NodeJS.ProcessEnv = process.env): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', loadKey(env, false), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof TunesError) throw error;
    throw new TunesError('auth_failed', 'the stored password of this server cannot be unsealed', 'log in again');
  }
}
