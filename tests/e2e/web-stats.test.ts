/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';
import { launchChromium, logIn } from '../helpers/web-browser.js';

/** Screenshots of the Stats and smart playlist screens, kept for people to look at (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'web');
mkdirSync(ARTIFACTS, { recursive: true });

let browser: Browser | undefined;
afterAll(async () => browser?.close());

// Plays only in the two years before this one, so the test holds whatever today is; all in UTC.
const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const YEAR_BEFORE = THIS_YEAR - 2;

async function serve(home: string): Promise<string> {
  return (await startServe([], { TZ: 'UTC', TUNES_HOME: home, ...homeDatabaseEnv(home) })).url;
}

/** Alice's library: two rock songs and a jazz one; plays last year and the year before. */
async function library(): Promise<string> {
  const home = tempDir();
  const album = join(tempDir(), 'Tones');
  mkdirSync(album);
  const tags = (title: string, track: number, genre: string) => ({ TITLE: title, ARTIST: 'The Oscillators', ALBUM: 'Tones', TRACKNUMBER: String(track), DATE: '1966', GENRE: genre });
  makeTone(album, '01-first', { seconds: 2, frequency: 330, metadata: tags('First', 1, 'Rock') });
  makeTone(album, '02-second', { seconds: 2, frequency: 440, metadata: tags('Second', 2, 'Rock') });
  makeTone(album, '03-third', { seconds: 2, frequency: 550, metadata: tags('Third', 3, 'Jazz') });
  await registerUser(home, 'alice');
  expect((await runTunes(['library', 'add', album], { home })).code).toBe(0);
  const store = await openHomeDatabase(home);
  try {
    const alice = await store.db.selectFrom('users').select('id').where('username', '=', 'alice').executeTakeFirstOrThrow();
    const songs = await store.db.selectFrom('songs').select(['id', 'title']).execute();
    const id = (title: string) => songs.find((s) => s.title === title)!.id;
    const play = (title: string, iso: string, ms: number) => ({ user_id: alice.id, song_id: id(title), started_at: iso, ms_played: ms });
    await store.db
      .insertInto('plays')
      .values([
        play('Third', `${YEAR_BEFORE}-05-05T08:00:00.000Z`, 120_000),
        play('Second', `${LAST_YEAR}-06-10T12:00:00.000Z`, 180_000), // a Tuesday or so: the clock cell is checked by its label
        play('Second', `${LAST_YEAR}-06-11T12:00:00.000Z`, 180_000),
        play('First', `${LAST_YEAR}-07-01T21:00:00.000Z`, 60_000),
      ])
      .execute();
  } finally {
    await store.close();
  }
  return home;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
const weekday = (iso: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(iso).getUTCDay()]!;

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, colorScheme: 'dark', timezoneId: 'UTC' };

describe('the web player: stats and smart playlists in Debian chromium', { timeout: 240_000 }, () => {
  it('desktop: the year in music with its switcher, smart playlists made and played, and unliking on Liked', async () => {
    const home = await library();
    const url = await serve(home);
    browser ??= await launchChromium();
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await logIn(page, url);

    // Stats: this year has no plays and says so; the year before has them all.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Stats' }).click();
    await page.getByRole('heading', { name: `Your ${THIS_YEAR} in music` }).waitFor();
    await page.getByText(`No plays in ${THIS_YEAR} yet.`).waitFor();
    expect(await page.getByRole('button', { name: `Year ${THIS_YEAR + 1}` }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Year ${LAST_YEAR}` }).click();
    await page.getByRole('heading', { name: `Your ${LAST_YEAR} in music` }).waitFor();
    expect(new URL(page.url()).search).toBe(`?year=${LAST_YEAR}`);
    const topSongs = page.getByRole('region', { name: 'Top songs' }).getByRole('listitem');
    await expect.poll(() => topSongs.allInnerTexts()).toEqual([expect.stringMatching(/^1\.\s+Second · The Oscillators\s+2 plays · 6 min$/), expect.stringMatching(/^2\.\s+First · The Oscillators\s+1 play · 1 min$/)]);
    expect(await page.getByRole('region', { name: 'Top artists' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^1\.\s+The Oscillators\s+3 plays · 7 min$/)]);
    expect(await page.getByRole('region', { name: 'Top albums' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^1\.\s+Tones · The Oscillators\s+3 plays · 7 min$/)]);
    expect(await page.getByRole('region', { name: 'Top genres' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^1\.\s+Rock\s+3 plays · 7 min$/)]);
    const summary = await page.locator('.stats-summary').innerText();
    expect(summary).toContain('7 min');
    expect(summary).toMatch(/Longest streak\s+2 days\s+\d{4}-06-10 to \d{4}-06-11/);
    expect(summary).toMatch(/First song\s+Second\s+The Oscillators/);
    // The Oscillators were heard the year before: no new artist this year.
    expect(summary).toMatch(/New artists\s+0/);
    const months = page.getByRole('list', { name: 'Minutes per month' }).getByRole('listitem');
    expect(await months.count()).toBe(12);
    expect(await months.nth(5).innerText()).toMatch(/^Jun\s+6 min$/);
    expect(await months.nth(6).innerText()).toMatch(/^Jul\s+1 min$/);
    const cell = page.getByRole('table', { name: /Listening clock/ }).getByRole('cell', { name: `${weekday(`${LAST_YEAR}-06-10T12:00:00Z`)} 12:00, 1 play`, exact: true });
    expect(await cell.getAttribute('data-plays')).toBe('1');
    await shot(page, 'desktop-stats');

    await page.getByRole('button', { name: `Year ${YEAR_BEFORE}` }).click();
    await page.getByRole('heading', { name: `Your ${YEAR_BEFORE} in music` }).waitFor();
    await page.getByRole('button', { name: `Year ${YEAR_BEFORE - 1}` }).click();
    await page.getByText(`No plays in ${YEAR_BEFORE - 1}.`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('heading', { name: 'Your music, all time' }).waitFor();
    expect(await page.getByRole('button', { name: 'All time' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.stats-summary').innerText()).toMatch(/4 plays since/);
    expect(await page.getByRole('list', { name: 'Minutes per month' }).getByRole('listitem').first().innerText()).toMatch(new RegExp(`^May ${YEAR_BEFORE}\\s+2 min$`));

    // The terminal browser's keys: A back to this year, [ the year before, ] on again.
    await page.keyboard.press('A');
    await page.getByRole('heading', { name: `Your ${THIS_YEAR} in music` }).waitFor();
    await page.keyboard.press('[');
    await page.getByRole('heading', { name: `Your ${LAST_YEAR} in music` }).waitFor();
    await page.keyboard.press(']');
    await page.getByRole('heading', { name: `Your ${THIS_YEAR} in music` }).waitFor();
    await page.keyboard.press(']');
    await page.keyboard.press('A');
    await page.getByRole('heading', { name: 'Your music, all time' }).waitFor();

    // Smart playlists: the built-ins are listed and marked; a bad rule shows the server's error naming the part.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Playlists' }).click();
    await page.getByRole('heading', { name: 'Playlists' }).waitFor();
    const listed = page.locator('main .plain-list li');
    await expect.poll(() => listed.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^✦ .*Most played\s+\d+ songs? · [\d:]+ · built in$/s), expect.stringMatching(/^✦ .*Never played\s+0 songs · 0:00 · built in$/s)]));
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Built-in smart playlist: Recently added' }).count()).toBe(1);
    const form = page.getByRole('form', { name: 'New smart playlist' });
    await form.getByLabel('Smart playlist name').fill('Old rock');
    await form.getByLabel('Rules').fill('genre:rock yeer:<1970');
    await form.getByRole('button', { name: 'Create smart playlist' }).click();
    const problem = form.getByRole('alert');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/unknown field "yeer"/);
    await shot(page, 'desktop-smart-form-error');
    await form.getByLabel('Rules').fill('genre:rock year:<1970');
    await form.getByLabel('Sort').selectOption('title');
    await form.getByRole('button', { name: 'Create smart playlist' }).click();
    await page.getByRole('heading', { name: 'Old rock' }).waitFor();
    await page.getByText('genre:rock year:<1970').waitFor();
    const rows = page.getByRole('grid', { name: 'Songs of Old rock' }).getByRole('row');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('First'), expect.stringContaining('Second')]);
    await shot(page, 'desktop-smart-playlist');
    const shown = await runTunes(['playlist', 'show', 'Old rock', '--json'], { home });
    expect(JSON.stringify(JSON.parse(shown.stdout))).toMatch(/"title":"First".*"title":"Second"/);

    // Its songs play; removing or moving them by hand is refused in words, and it is never offered as a place to add to.
    await page.getByRole('button', { name: 'Play Old rock' }).click();
    await page.getByTestId('now-title').filter({ hasText: 'First' }).waitFor();
    await rows.first().focus();
    await page.keyboard.press('d');
    await page.getByRole('status').filter({ hasText: '“Old rock” is a smart playlist: its songs come from its rules, not by hand' }).waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByRole('button', { name: 'More actions for First' }).click();
    const menu = page.getByRole('dialog');
    expect(await menu.getByRole('button', { name: /Remove|Move/ }).count()).toBe(0);
    await menu.getByRole('button', { name: 'Add to playlist…' }).click();
    await menu.getByRole('button', { name: 'Create and add' }).waitFor();
    for (const name of ['Old rock', 'Most played', 'Recently added']) expect(await menu.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await page.keyboard.press('Escape');
    // Its rules can change (a bad one is refused in the server's words); the songs follow.
    await page.getByRole('button', { name: 'Edit rules' }).click();
    const rulesForm = page.getByRole('form', { name: 'Rules of Old rock' });
    expect(await rulesForm.getByLabel('Rules').inputValue()).toBe('genre:rock year:<1970');
    expect(await rulesForm.getByLabel('Sort').inputValue()).toBe('title');
    await rulesForm.getByLabel('Rules').fill('genre:jazz or (');
    await rulesForm.getByRole('button', { name: 'Save rules' }).click();
    await rulesForm.getByRole('alert').waitFor();
    expect(await rulesForm.getByRole('alert').innerText()).toMatch(/column \d+/);
    await rulesForm.getByLabel('Rules').fill('genre:jazz');
    await rulesForm.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('genre:jazz', { exact: true }).waitFor();
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Third')]);
    expect((await runTunes(['playlist', 'show', 'Old rock', '--json'], { home })).stdout).toContain('"title":"Third"');
    // A built-in cannot be renamed or deleted: no such buttons.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Built-in smart playlist: Most played' }).click();
    await page.getByRole('heading', { name: 'Most played' }).waitFor();
    await page.getByText('plays:>0').waitFor();
    expect(await page.getByRole('button', { name: /^(Rename|Delete|Edit rules)$/ }).count()).toBe(0);

    // Liked: unliking there takes the row away at once.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Songs' }).click();
    await page.getByRole('button', { name: 'Like Third' }).click();
    await page.getByRole('button', { name: 'Like First' }).click();
    await page.getByRole('button', { name: 'Unlike First' }).waitFor();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Liked' }).click();
    const liked = page.getByRole('grid', { name: 'Liked songs' }).getByRole('row');
    await expect.poll(() => liked.count()).toBe(2);
    await page.getByRole('button', { name: 'Unlike Third' }).click();
    await expect.poll(() => liked.allInnerTexts()).toEqual([expect.stringContaining('First')]);
    expect((await runTunes(['liked', '--json'], { home })).stdout).not.toContain('Third');

    expect(failures).toEqual([]);
    await context.close();
  });

  it('phone: the Stats page and the smart playlist form fit the screen', async () => {
    const home = await library();
    const url = await serve(home);
    browser ??= await launchChromium();
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await logIn(page, url);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Stats' }).click();
    await page.getByRole('button', { name: `Year ${LAST_YEAR}` }).click();
    await page.getByRole('heading', { name: `Your ${LAST_YEAR} in music` }).waitFor();
    await page.getByRole('table', { name: /Listening clock/ }).waitFor();
    // Nothing past the screen's edge (the section bar scrolls sideways by design).
    const wider = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((e) => e.getBoundingClientRect().right > 391)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wider).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const bars = await page.getByRole('list', { name: 'Minutes per month' }).boundingBox();
    expect(bars!.x + bars!.width).toBeLessThanOrEqual(390);
    await shot(page, 'phone-stats');
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Playlists' }).click();
    const form = page.getByRole('form', { name: 'New smart playlist' });
    await form.waitFor();
    const box = await form.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-playlists');
    await context.close();
  });
});
