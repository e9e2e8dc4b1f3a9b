import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../src/server/login-limiter.js';
import { fixedClock } from '../../src/services/clock.js';

const limits = { perUsername: 3, perAddress: 5, windowMs: 60_000 };

function setup() {
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
  return { clock, limiter: createLoginLimiter(clock, limits) };
}

describe('login limiter', () => {
  it('blocks a username after its failures, case-insensitively, until the window ends', () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
      limiter.recordFailure('alice', `10.0.0.${i + 1}`);
    }
    expect(limiter.retryAfterSeconds('ALICE', '10.0.0.9')).toBe(60);
    expect(limiter.retryAfterSeconds('bob', '10.0.0.9')).toBe(0);
    clock.advance(45_500);
    expect(limiter.retryAfterSeconds('alice', '10.0.0.9')).toBe(15);
    clock.advance(14_500);
    expect(limiter.retryAfterSeconds('alice', '10.0.0.9')).toBe(0);
  });

  it('blocks an address that sprays many usernames', () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}`, '10.0.0.1');
    expect(limiter.retryAfterSeconds('someone-new', '10.0.0.1')).toBe(60);
    expect(limiter.retryAfterSeconds('someone-new', '10.0.0.2')).toBe(0);
  });

  it('resets the counts on a successful login', () => {
    const { limiter } = setup();
    for (let i = 0; i < 2; i++) limiter.recordFailure('alice', '10.0.0.1');
    limiter.recordSuccess('Alice', '10.0.0.1');
    for (let i = 0; i < 2; i++) limiter.recordFailure('alice', '10.0.0.1');
    expect(limiter.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
    limiter.recordFailure('alice', '10.0.0.1');
    expect(limiter.retryAfterSeconds('alice', '10.0.0.1')).toBe(60);
  });
});
