import { afterEach, describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { stopPlayer, TUNES_BIN } from '../helpers/run-cli.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';
import { TmuxTerminal } from '../helpers/tmux.js';

const terminals: TmuxTerminal[] = [];
const homes: string[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.kill();
  for (const home of homes.splice(0)) await stopPlayer(home);
});

// Plays only in the two years before this one (mid-year, UTC), so the test holds whatever today is.
const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const YEAR_BEFORE = THIS_YEAR - 2;

async function homeWithTwoYears(): Promise<string> {
  const { home, songs } = await cliLibrary(['alice'], [
    { title: 'Morning', artist: 'Early Band', album: 'Dawn', genre: 'Jazz' },
    { title: 'Evening', artist: 'Late Band', album: 'Dusk', genre: 'Rock' },
  ]);
  homes.push(home);
  const [morning, evening] = songs;
  const store = await openHomeDatabase(home);
  try {
    const alice = await store.db.selectFrom('users').select('id').where('username', '=', 'alice').executeTakeFirstOrThrow();
    const play = (songId: number, iso: string, ms: number) => ({ user_id: alice.id, song_id: songId, started_at: iso, ms_played: ms });
    await store.db
      .insertInto('plays')
      .values([
        play(morning!.id, `${YEAR_BEFORE}-06-10T12:00:00.000Z`, 120_000),
        play(evening!.id, `${LAST_YEAR}-06-10T12:00:00.000Z`, 180_000),
        play(evening!.id, `${LAST_YEAR}-06-11T12:00:00.000Z`, 180_000),
        play(morning!.id, `${LAST_YEAR}-07-01T12:00:00.000Z`, 60_000),
      ])
      .execute();
  } finally {
    await store.close();
  }
  return home;
}

describe('the Stats view in a real terminal', { timeout: 240_000 }, () => {
  it('steps through years with [ and ], shows all time with A, says plainly when a year has no plays, and lists the keys in ?', async () => {
    const home = await homeWithTwoYears();
    const term = TmuxTerminal.start('tunes-stats', {
      columns: 100, rows: 60, cwd: home,
      env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TZ: 'UTC', TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '' },
    });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type(`${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
    await term.waitFor((s) => s.includes('tunes › Songs (1/2)'), 'songs list');
    // Into the sidebar, down to Stats (after History), then into the list.
    await term.type('h', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'l');
    const now = await term.waitFor((s) => s.includes('tunes › Stats') && s.includes(`No plays in ${THIS_YEAR} yet.`), 'this year, empty');
    expect(now).toMatch(/\[ earlier year {2}\] later year {2}A all time/);

    await term.type('[');
    const last = await term.waitFor((s) => s.includes(`tunes › Stats · ${LAST_YEAR}`) && s.includes('MINUTES PER MONTH'), 'last year');
    expect(last).toContain(`Listening in ${LAST_YEAR}: 3 plays, 7 min`);
    expect(last).toContain('First song: Late Band - Evening');
    expect(last).toContain(`Longest streak: 2 days (${LAST_YEAR}-06-10 to ${LAST_YEAR}-06-11)`);
    expect(last).toMatch(/1\. Late Band - Evening {2}2 plays, 6 min/);
    expect(last).toMatch(/TOP ALBUMS[\s\S]*1\. Late Band - Dusk {2}2 plays, 6 min/);
    expect(last).toMatch(/TOP GENRES[\s\S]*1\. Rock {2}2 plays, 6 min[\s\S]*2\. Jazz {2}1 play, 1 min/);
    // Early Band was heard the year before: only Late Band is new this year.
    expect(last).toContain('New artists: 1 (Late Band)');
    expect(last).toMatch(/Jun █+ +6 min/);

    await term.type('[');
    await term.waitFor((s) => s.includes(`tunes › Stats · ${YEAR_BEFORE}`) && s.includes(`Listening in ${YEAR_BEFORE}: 1 play, 2 min`), 'the year before');
    await term.type('[');
    const empty = await term.waitFor((s) => s.includes(`tunes › Stats · ${YEAR_BEFORE - 1}`) && s.includes(`No plays in ${YEAR_BEFORE - 1}.`), 'a past year with no plays');
    expect(empty).not.toContain('LISTENING CLOCK');

    await term.type(']', ']', ']');
    await term.waitFor((s) => s.includes(`tunes › Stats · ${THIS_YEAR}`) && s.includes(`No plays in ${THIS_YEAR} yet.`), 'back to this year');
    await term.type(']');
    await term.waitFor((s) => s.includes(`${THIS_YEAR} is this year: there is no later one yet`), 'no year after this one');

    await term.type('A');
    const all = await term.waitFor((s) => s.includes('tunes › Stats · all time') && s.includes('MINUTES PER MONTH'), 'all time');
    expect(all).toContain(`Listening all time (since ${YEAR_BEFORE}-06-01): 4 plays, 9 min`);
    expect(all).toContain('First song: Early Band - Morning');
    // Months from the first play's month on, named with their years.
    expect(all).toMatch(new RegExp(`Jun ${YEAR_BEFORE} █+[▏▎▍▌▋▊▉]? +2 min`));
    expect(all).toMatch(new RegExp(`Jun ${LAST_YEAR} █+ +6 min`));
    await term.type('A');
    await term.waitFor((s) => s.includes(`tunes › Stats · ${THIS_YEAR}`) && s.includes(`No plays in ${THIS_YEAR} yet.`), 'A again: this year');

    await term.type('?');
    const help = await term.waitFor((s) => s.includes('the Stats view: the year before'), 'help');
    expect(help).toMatch(/\[ +the Stats view: the year before/);
    expect(help).toMatch(/\] +the Stats view: the year after/);
    expect(help).toMatch(/A +the Stats view: all time/);
  });
});
