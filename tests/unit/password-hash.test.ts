import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashParams, hashPassword, verifyPassword } from '../../src/services/auth/password-hash.js';

/** Made by the scrypt-js code tunes used before it hashed with Node's own scrypt (session 2's password-hash.ts). */
const MADE_BY_SCRYPT_JS = [
  ['correct horse battery', '$scrypt$ln=17,r=8,p=1$wZxGKnnfiNHE4Rcp2vaNcw$IWD2bgQr6tLv6cqdfAVphBvX0TwAMCzgUc1HRJ546oY'],
  ['Ünïcödé pässwörd', '$scrypt$ln=10,r=8,p=1$PUEZ85NztGDjobTlnYOwTw$5Ip97kHI6P+aDj+NTpOIqLFO+rzBzvv3mntxDSU2uYA'],
  ['short pw', '$scrypt$ln=11,r=4,p=2$crKsIHEOwdOzDXiulku+gw$XIadejbLZF7IdNhMytbfSfvdjwoLa5D43BEeZqcDoik'],
] as const;

describe('password hashing', () => {
  it('uses N=2^17, r=8, p=1 by default and records them in the hash', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hashParams(hash)).toEqual(DEFAULT_SCRYPT_PARAMS);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
  });

  it('verifies the hashes earlier versions stored (scrypt-js), in the same format', async () => {
    for (const [password, hash] of MADE_BY_SCRYPT_JS) {
      expect(await verifyPassword(password, hash)).toBe(true);
      expect(await verifyPassword(`${password}!`, hash)).toBe(false);
    }
    // The same password in decomposed form (NFD) is the same password.
    expect(await verifyPassword('Ünïcödé pässwörd'.normalize('NFD'), MADE_BY_SCRYPT_JS[1][1])).toBe(true);
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

  it('refuses to spend more than 256 MiB on a stored hash that asks for it', async () => {
    const [, , , salt, key] = MADE_BY_SCRYPT_JS[0][1].split('$');
    // 2^30 * 8 * 128 bytes = 1 TiB; 2^19 at r = 8 = 512 MiB. Neither is tried: they do not verify.
    for (const params of ['ln=30,r=8,p=1', 'ln=19,r=8,p=1', 'ln=18,r=16,p=1', 'ln=10,r=8,p=999']) {
      expect(await verifyPassword('correct horse battery', `$scrypt$${params}$${salt}$${key}`)).toBe(false);
    }
    await expect(hashPassword('x', { logN: 24, r: 8, p: 1 })).rejects.toThrow(/out of bounds/);
  });

  it('hashes off the event loop: timers keep firing while a full-cost hash runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = process.cpuUsage();
    try {
      await hashPassword('correct horse');
    } finally {
      clearInterval(timer);
    }
    const { user } = process.cpuUsage(started);
    // The hash's CPU time is spent on a libuv thread, which cpuUsage counts, while this thread
    // was free to run the timer many times over.
    expect(user).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(10);
  });
});
