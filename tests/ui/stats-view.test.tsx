import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOSTILE, TERMINAL_CONTROL } from '../helpers/hostile-text.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { seedYearHistory, STATS_ZONE } from '../helpers/stats-history.js';
import { renderApp, uiFixture } from '../helpers/ui-harness.js';

const zone = process.env['TZ'];
beforeEach(() => {
  process.env['TZ'] = STATS_ZONE;
  // "This year" is 2026, the seeded year; only Date is faked, timers run for real.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

/** From the Songs list into the sidebar and down to Stats, the entry after History. */
const TO_STATS = ['h', 'j', 'j', 'j', 'j', 'j', 'j', 'j'];

describe('the Stats view', () => {
  it("shows this year's top songs and artists, minutes per month as bars and the listening clock", async () => {
    const fx = await uiFixture();
    const alice = await fx.register('alice');
    const bob = await fx.register('bob');
    await fx.services.session.login('alice', 'correct horse');
    await seedYearHistory(fx.store, alice.id, bob.id);
    const app = renderApp(fx.connection, { columns: 100, rows: 60 });
    await app.waitFor((f) => f.includes('(1/4)'), 'songs list');
    await app.type(...TO_STATS);
    const frame = await app.waitFor((f) => f.includes('tunes › Stats') && f.includes('LISTENING CLOCK'), 'stats view');
    expect(frame).toContain('Listening in 2026: 7 plays, 14 min');
    expect(frame).toContain('First song: New Band - Dawn');
    expect(frame).toContain('Longest streak: 3 days (2026-01-01 to 2026-01-03)');
    expect(frame).toMatch(/1\. New Band - Dawn {2}3 plays, 5 min/);
    expect(frame).toMatch(/2\. Late Band - Eve {2}2 plays, 3 min/);
    expect(frame).toMatch(/TOP ARTISTS[\s\S]*1\. New Band {2}3 plays, 5 min[\s\S]*2\. Old Band {2}2 plays, 6 min/);
    // Bob's ten minutes in May are his, not Alice's.
    expect(frame).toMatch(/Jan █+ +10 min/);
    expect(frame).toMatch(/May +0 min/);
    expect(frame).toMatch(/Mar █+[▏▎▍▌▋▊▉]? +2 min/);
    expect(frame).toContain('Thu █·····················██');
    expect(frame).toContain('Tue ··········█·············');
    expect(frame).toContain('Sun ························');
    app.unmount();
  });

  it('says so when there is nothing this year, and draws tag text without control sequences', async () => {
    const fx = await uiFixture();
    const alice = await fx.register('alice');
    const app = renderApp(fx.connection, { columns: 100, rows: 40 });
    await app.waitFor((f) => f.includes('Songs'), 'main screen');
    await app.type(...TO_STATS);
    await app.waitFor((f) => f.includes('No plays in 2026 yet.'), 'empty year');
    app.unmount();

    const [hostile] = await seedSongs(fx.store, [{ title: `Title ${HOSTILE}`, artist: `Artist ${HOSTILE}`, album: 'A' }]);
    await fx.store.db.insertInto('plays').values({ user_id: alice.id, song_id: hostile!.id, started_at: '2026-06-01T12:00:00.000Z', ms_played: 120_000 }).execute();
    const again = renderApp(fx.connection, { columns: 100, rows: 40 });
    await again.waitFor((f) => f.includes('(1/1)'), 'songs list');
    await again.type(...TO_STATS);
    const frame = await again.waitFor((f) => f.includes('Listening in 2026: 1 play, 2 min'), 'stats of the hostile song');
    const statsLines = frame.split('\n').filter((line) => line.includes('Artist') || line.includes('Title'));
    expect(statsLines.length).toBeGreaterThan(0);
    for (const line of statsLines) expect(line).not.toMatch(TERMINAL_CONTROL);
    again.unmount();
  });
});
