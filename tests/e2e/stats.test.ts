import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { EXPECTED_2026, seedYearHistory, STATS_ZONE, statsDigest } from '../helpers/stats-history.js';
import { openHomeDatabase } from '../helpers/test-store.js';

/** alice logged in, with the seeded year of listening; bob registered with one play of his own. */
async function home(): Promise<string> {
  const { home } = await cliLibrary(['bob', 'alice'], []);
  const store = await openHomeDatabase(home);
  try {
    const users = await store.db.selectFrom('users').select(['id', 'username']).execute();
    const id = (name: string) => users.find((u) => u.username === name)!.id;
    await seedYearHistory(store, id('alice'), id('bob'));
  } finally {
    await store.close();
  }
  return home;
}

const env = { TZ: STATS_ZONE, NO_COLOR: '' };

describe('tunes stats and tunes wrapped', () => {
  it('--json is one snake_case document with the known answers, bucketed in the listener’s zone', async () => {
    const dir = await home();
    const result = await runTunes(['stats', '--year', '2026', '--json'], { home: dir, env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(statsDigest(JSON.parse(result.stdout))).toEqual(EXPECTED_2026);
    // The same plays read in UTC: the 23:59 play of 31 December belongs to 2027 there.
    const utc = JSON.parse((await runTunes(['stats', '--year', '2026', '--json'], { home: dir, env: { TZ: 'UTC' } })).stdout) as Parameters<typeof statsDigest>[0];
    expect(utc.first_song).toMatchObject({ title: 'Eve' }); // 04:30Z on 1 Jan is 2026 in UTC
    expect(statsDigest(utc)).not.toEqual(EXPECTED_2026);
    const wrapped = JSON.parse((await runTunes(['wrapped', '--year', '2026', '--json'], { home: dir, env })).stdout) as unknown;
    expect(wrapped).toEqual(JSON.parse(result.stdout));
  });

  it('draws months as bars and the clock as a heat map; NO_COLOR gives plain numbers', async () => {
    const dir = await home();
    const drawn = await runTunes(['stats', '--year', '2026'], { home: dir, env });
    expect(drawn.code).toBe(0);
    const out = drawn.stdout;
    expect(out).toContain('Listening in 2026: 7 plays, 14 min');
    expect(out).toContain('First song: New Band - Dawn');
    expect(out).toContain('Longest streak: 3 days (2026-01-01 to 2026-01-03)');
    expect(out).toContain('New artists: 1 (New Band)');
    expect(out).toMatch(/1\. +New Band - Dawn +3 +5/);
    expect(out).toMatch(/1\. +Rock +4 +9/);
    expect(out).toMatch(/^Jan █{10,}.* 10 min$/m);
    expect(out).toMatch(/^Feb +0 min$/m);
    expect(out).toMatch(/^Thu █·{21}██$/m);
    expect(out).toMatch(/^Sun ·{24}$/m);

    const plain = await runTunes(['stats', '--year', '2026'], { home: dir, env: { ...env, NO_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/[█░▒▓▏▎▍▌▋▊▉]/);
    expect(plain.stdout).toMatch(/^Jan +10 min$/m);
    expect(plain.stdout).toMatch(/^Thu +1 +0( +0){20} +1 +1$/m);
  });

  it('wrapped tells the year as a story', async () => {
    const dir = await home();
    const story = await runTunes(['wrapped', '--year', '2026'], { home: dir, env });
    expect(story.code).toBe(0);
    expect(story.stdout).toContain('Your 2026 in music');
    expect(story.stdout).toContain('You listened for 14 min over 7 plays.');
    expect(story.stdout).toContain('It began on 2026-01-01 00:30 with "Dawn" by New Band.');
    expect(story.stdout).toContain('Your song: "Dawn" by New Band, 3 plays.');
    expect(story.stdout).toContain('Your artist: New Band, 5 min; then Old Band and Late Band.');
    expect(story.stdout).toContain('Your genre: Rock (4 plays).');
    expect(story.stdout).toContain('You found 1 new artist, the first was New Band.');
    expect(story.stdout).toContain('Your longest streak: 3 days in a row, 2026-01-01 to 2026-01-03.');
    expect(story.stdout).toContain('You listen most on Thursdays, and most of all around 10:00.');
    expect(story.stdout).toContain('Your biggest month: Jan with 10 min.');
    expect((await runTunes(['wrapped', '--year', '2031'], { home: dir, env })).stdout).toBe('No plays in 2031 yet. Play something with: tunes play\n');
  });

  it('a bad year or date is one line and exit 2', async () => {
    const dir = await home();
    for (const args of [['stats', '--year', 'soon'], ['stats', '--since', '2026-13-01'], ['wrapped', '--year', '26'], ['stats', '--year', '2026', '--since', '2026-01-01']]) {
      const result = await runTunes(args, { home: dir, env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')[0]).toMatch(/^tunes: /);
    }
    const json = await runTunes(['stats', '--year', 'soon', '--json'], { home: dir, env });
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('--year') } });
  });
});
