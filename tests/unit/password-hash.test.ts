import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashParams, hashPassword, verifyPassword } from '../../src/services/auth/password-hash.js';

describe('password hashing', () => {
  it('uses N=2^17, r=8, p=1 by default and records them in the hash', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hashParams(hash)).toEqual(DEFAULT_SCRYPT_PARAMS);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
  });

  it('salts every hash and verifies hashes made with other parameters', async () => {
    const a = await hashPassword('same password', { logN: 10, r: 8, p: 1 });
    const b = await hashPassword('same password', { logN: 11, r: 4, p: 2 });
    expect(a).not.toEqual(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
    expect(hashParams(b)).toEqual({ logN: 11, r: 4, p: 2 });
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$ln=10,r=8,p=1$$')).toBe(false);
  });
});
