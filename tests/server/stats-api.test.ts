import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.js';
import { EXPECTED_2026, seedYearHistory, STATS_ZONE, statsDigest } from '../helpers/stats-history.js';

const savedZone = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = STATS_ZONE;
});
afterAll(() => {
  if (savedZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedZone;
});

describe('GET /api/me/stats', () => {
  it("gives the caller's year in music, the same document as tunes stats --json, and nobody else's", async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const bob = await server.user('bob');
    await seedYearHistory(server.store, alice.id, bob.id);

    const res = await server.call('GET', '/api/me/stats?year=2026', { token: alice.token });
    expect(res.status).toBe(200);
    expect(statsDigest((await res.json()) as Parameters<typeof statsDigest>[0])).toEqual(EXPECTED_2026);
    const bobs = (await (await server.call('GET', '/api/me/stats?year=2026', { token: bob.token })).json()) as { plays: number };
    expect(bobs.plays).toBe(1);
    const since = (await (await server.call('GET', '/api/me/stats?since=2026-03-01&limit=1', { token: alice.token })).json()) as { year: null; top_songs: unknown[]; from: string };
    expect(since).toMatchObject({ year: null, from: '2026-03-01T05:00:00.000Z' });
    expect(since.top_songs).toHaveLength(1);
    // year=all: every play until now (the web player's All time), from the first play's month.
    const all = (await (await server.call('GET', '/api/me/stats?year=all', { token: alice.token })).json()) as { year: null; plays: number; months: Array<{ month: string }> };
    expect(all.year).toBeNull();
    expect(all.plays).toBeGreaterThan(EXPECTED_2026.plays);
    expect(all.months[0]?.month).toBe('2025-12');

    expect((await server.call('GET', '/api/me/stats?year=2026')).status).toBe(401);
    for (const query of ['year=soon', 'since=2026-02-30', 'year=2026&since=2026-01-01', 'limit=0']) {
      const bad = await server.call('GET', `/api/me/stats?${query}`, { token: alice.token });
      expect(bad.status, query).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
  });
});
