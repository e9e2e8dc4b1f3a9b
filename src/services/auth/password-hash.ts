import { randomBytes, timingSafeEqual } from 'node:crypto';
import scryptJs from 'scrypt-js';

export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  logN: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8, p = 1: OWASP's scrypt recommendation; about a second in pure JS on this class of machine. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * PHC-style, self-describing: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64, no padding), so the
 * cost can be raised later and old hashes keep verifying with the parameters they were made with.
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** The parameters a stored hash was made with (to decide whether to rehash on login). */
export function hashParams(encoded: string): ScryptParams | undefined {
  return parseHash(encoded)?.params;
}

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(encoded);
  if (!match) return undefined;
  const [, logN, r, p, salt, key] = match;
  return {
    params: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64'),
    key: Buffer.from(key!, 'base64'),
  };
}

async function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const key = await scryptJs.scrypt(Buffer.from(password.normalize('NFC'), 'utf8'), salt, 2 ** params.logN, params.r, params.p, length);
  return Buffer.from(key);
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}
