import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  logN: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8, p = 1: OWASP's scrypt recommendation; 128 MiB and ~0.4 s of one core here. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * The most memory one hash may take (N = 2^18 at r = 8, twice today's cost). A stored hash names its
 * own parameters, so a damaged or planted one (ln=30) must not make a login allocate gigabytes:
 * such a hash simply does not verify.
 */
export const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_P = 16;

/**
 * PHC-style, self-describing: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64, no padding), so the
 * cost can be raised later and old hashes keep verifying with the parameters they were made with.
 * Hashes made by the scrypt-js code of earlier versions verify unchanged: scrypt is scrypt.
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || !withinBounds(parsed.params)) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** The parameters a stored hash was made with (to decide whether to rehash on login). */
export function hashParams(encoded: string): ScryptParams | undefined {
  return parseHash(encoded)?.params;
}

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]{16,})$/.exec(encoded);
  if (!match) return undefined;
  const [, logN, r, p, salt, key] = match;
  return {
    params: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64'),
    key: Buffer.from(key!, 'base64'),
  };
}

/** scrypt's working memory as OpenSSL counts it against maxmem: 128 * r * (N + 2) for V, 128 * r * p for B. */
function memoryOf({ logN, r, p }: ScryptParams): number {
  return 128 * r * (2 ** logN + 2 + p);
}

function withinBounds({ logN, r, p }: ScryptParams): boolean {
  return logN >= 1 && r >= 1 && p >= 1 && p <= MAX_P && 128 * r * 2 ** logN <= MAX_SCRYPT_MEMORY_BYTES;
}

/**
 * Node's native scrypt runs in libuv's thread pool, off the event loop. `maxmem` is the bound it
 * enforces (Node's default, 32 MiB, is below what N = 2^17 needs); exactly what this hash needs.
 */
function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  if (!withinBounds(params)) return Promise.reject(new RangeError('scrypt parameters out of bounds'));
  const options = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: memoryOf(params) };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(password.normalize('NFC'), 'utf8'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}
