import { describe, expect, it } from 'vitest';
import { createLoginLimiter, DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../../src/server/login-limiter.js';
import { createRegistrationLimiter } from '../../src/server/registration-limiter.js';
import { fixedClock } from '../../src/services/clock.js';

const limits: LoginLimits = {
  perAccountAndAddress: { free: 3, firstDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 600_000 },
  perAddress: { free: 5, firstDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 600_000 },
};

function setup(chosen: LoginLimits = limits) {
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
  return { clock, limiter: createLoginLimiter(clock, chosen) };
}

async function fail(limiter: ReturnType<typeof setup>['limiter'], username: string, ip: string): Promise<number> {
  const wait = await limiter.begin(username, ip);
  if (wait === 0) await limiter.settle(username, ip, 'failed');
  return wait;
}

describe('login limiter', () => {
  it('slows one username from one address down, doubling the wait, and forgets after a quiet spell', async () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 3; i++) expect(await fail(limiter, 'alice', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('ALICE', '10.0.0.1')).toBe(1);
    clock.advance(1000);
    expect(await fail(limiter, 'alice', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('alice', '10.0.0.1')).toBe(2);
    clock.advance(2000);
    expect(await fail(limiter, 'alice', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('alice', '10.0.0.1')).toBe(4);
    clock.advance(600_000);
    expect(await limiter.begin('alice', '10.0.0.1')).toBe(0);
  });

  it('never locks a username out for other addresses', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 50; i++) await fail(limiter, 'alice', '10.0.0.1');
    expect(await limiter.begin('alice', '10.0.0.1')).toBeGreaterThan(0);
    expect(await limiter.begin('alice', '10.0.0.2')).toBe(0);
  });

  it('slows an address that sprays many usernames, for every username', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) expect(await fail(limiter, `user${i}`, '10.0.0.1')).toBe(0);
    expect(await limiter.begin('someone-new', '10.0.0.1')).toBe(1);
    expect(await limiter.begin('someone-new', '10.0.0.2')).toBe(0);
  });

  it('keeps the address count when the address logs into an account of its own', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 4; i++) await fail(limiter, `victim${i}`, '10.0.0.1');
    expect(await limiter.begin('mallory', '10.0.0.1')).toBe(0);
    await limiter.settle('mallory', '10.0.0.1', 'succeeded');
    // Four failures still count; the fifth reaches the address's allowance.
    expect(await fail(limiter, 'victim9', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('victim10', '10.0.0.1')).toBe(1);
  });

  it('ends a username slow-down on success, and a busy answer counts as no attempt', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 2; i++) await fail(limiter, 'alice', '10.0.0.1');
    await limiter.begin('alice', '10.0.0.1');
    await limiter.settle('alice', '10.0.0.1', 'succeeded');
    for (let i = 0; i < 3; i++) expect(await fail(limiter, 'alice', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('alice', '10.0.0.1')).toBe(1);

    const other = setup().limiter;
    for (let i = 0; i < 10; i++) {
      expect(await other.begin('bob', '10.0.0.1')).toBe(0);
      await other.settle('bob', '10.0.0.1', 'not_counted');
    }
  });

  it('counts an IPv6 /64 as one address, and a mapped IPv4 as the IPv4 address', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) await fail(limiter, `user${i}`, `2001:db8:1:2::${i + 1}`);
    expect(await limiter.begin('someone', '2001:db8:1:2:ffff::9')).toBe(1);
    expect(await limiter.begin('someone', '2001:db8:1:3::1')).toBe(0);
    for (let i = 0; i < 5; i++) await fail(limiter, `user${i}`, '::ffff:192.0.2.7');
    expect(await limiter.begin('someone', '192.0.2.7')).toBe(1);
  });

  it('by default gives a person five tries per username and twenty per address before any wait', async () => {
    const { limiter } = setup(DEFAULT_LOGIN_LIMITS);
    for (let i = 0; i < 5; i++) expect(await fail(limiter, 'alice', '10.0.0.1')).toBe(0);
    expect(await limiter.begin('alice', '10.0.0.1')).toBeGreaterThan(0);
    for (let i = 0; i < 15; i++) expect(await fail(limiter, `other${i}`, '10.0.0.1')).toBe(0);
    expect(await limiter.begin('other-again', '10.0.0.1')).toBeGreaterThan(0);
  });
});

describe('registration limiter', () => {
  it('lets an address make a few accounts, then slows it down; a busy answer does not count', async () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = createRegistrationLimiter(clock, { free: 2, firstDelayMs: 60_000, maxDelayMs: 3_600_000, forgetAfterMs: 86_400_000 });
    expect(await limiter.begin('10.0.0.1')).toBe(0);
    expect(await limiter.begin('10.0.0.1')).toBe(0);
    await limiter.notCounted('10.0.0.1');
    expect(await limiter.begin('10.0.0.1')).toBe(0);
    expect(await limiter.begin('10.0.0.1')).toBe(60);
    expect(await limiter.begin('10.0.0.2')).toBe(0);
    clock.advance(60_000);
    expect(await limiter.begin('10.0.0.1')).toBe(0);
    expect(await limiter.begin('10.0.0.1')).toBe(120);
  });
});
