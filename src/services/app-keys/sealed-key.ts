import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** SHA-256 of an app key, hex: app keys are 32 random bytes, so a fast hash is as good as a slow one. */
export function appKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new app key: 32 random bytes, base64url, with a prefix that says what it is. */
export function newAppKey(): string {
  return `tunes_${randomBytes(32).toString('base64url')}`;
}

/** AES-256-GCM: iv + tag + ciphertext, bound to the owner (a sealed key moved to another user will not open). */
export function sealAppKey(serverKey: Buffer, userId: number, key: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', serverKey, iv);
  cipher.setAAD(Buffer.from(`tunes-app-key\n${userId}`));
  const body = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The key, or undefined when it was sealed under another server key (or altered). */
export function openAppKey(serverKey: Buffer, userId: number, sealed: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', serverKey, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`tunes-app-key\n${userId}`));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
