import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../src/errors.js';
import { createHashQueue, type HashLane } from '../../src/services/auth/hash-queue.js';

/** A piece of work that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    open: () => open(),
  };
}

describe('hash queue', () => {
  it('runs at most `concurrency` hashes at once and starts the next as one ends', async () => {
    const queue = createHashQueue({ concurrency: 2, waiting: { login: 10, register: 10 } });
    const log: string[] = [];
    const gates = ['a', 'b', 'c'].map((name) => gate(log, name));
    const results = gates.map((g) => queue.run('login', g.work));
    await Promise.resolve();
    expect(log).toEqual(['start a', 'start b']);
    gates[0]!.open();
    await results[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a', 'start b', 'start c']);
    gates.slice(1).forEach((g) => g.open());
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
  });

  it('lets waiting logins go before waiting registrations', async () => {
    const queue = createHashQueue({ concurrency: 1, waiting: { login: 10, register: 10 } });
    const log: string[] = [];
    const first = gate(log, 'first');
    const running = queue.run('register', first.work);
    const order: Array<[HashLane, string]> = [['register', 'r1'], ['register', 'r2'], ['login', 'l1']];
    const later = order.map(([lane, name]) => {
      const g = gate(log, name);
      g.open();
      return queue.run(lane, g.work);
    });
    first.open();
    await Promise.all([running, ...later]);
    expect(log).toEqual(['start first', 'start l1', 'start r1', 'start r2']);
  });

  it('refuses at once with a Retry-After when a lane is full, without touching the other lane', async () => {
    const queue = createHashQueue({ concurrency: 1, waiting: { login: 1, register: 1 } });
    const log: string[] = [];
    const g = gate(log, 'running');
    const running = queue.run('register', g.work);
    const waiting = queue.run('register', async () => 'waited');
    const refused = await queue.run('register', async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect((refused as UnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const login = queue.run('login', async () => 'login');
    g.open();
    expect(await Promise.all([running, waiting, login])).toEqual(['running', 'waited', 'login']);
  });

  it('passes failures through and keeps going', async () => {
    const queue = createHashQueue({ concurrency: 1, waiting: { login: 5, register: 5 } });
    await expect(queue.run('login', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('login', () => { throw new Error('sync boom'); })).rejects.toThrow('sync boom');
    expect(await queue.run('login', async () => 'fine')).toBe('fine');
  });
});
