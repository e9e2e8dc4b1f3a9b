/// <reference lib="dom" />
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { launchChromium, logIn } from '../helpers/web-browser.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

/** Screenshots of each main screen, kept for people to look at (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'web');
mkdirSync(ARTIFACTS, { recursive: true });

const children: ChildProcessWithoutNullStreams[] = [];
let browser: Browser | undefined;
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(async () => browser?.close());

async function serve(home: string) {
  const child = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', '0'], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) } });
  children.push(child);
  let log = '';
  child.stdout.resume();
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]!);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  });
  return { url, log: () => log };
}

/** Alice's library: one album of three short songs with a folder cover; Bob has a private playlist. */
async function library() {
  const home = tempDir();
  const album = join(tempDir(), 'Tones');
  mkdirSync(album);
  const tags = (title: string, track: number) => ({ TITLE: title, ARTIST: 'The Oscillators', ALBUM: 'Tones', TRACKNUMBER: String(track), DATE: '2026' });
  makeTone(album, '01-first', { seconds: 2, frequency: 330, metadata: tags('First', 1) });
  makeTone(album, '02-second', { seconds: 2, frequency: 440, metadata: tags('Second', 2) });
  makeTone(album, '03-third', { seconds: 2, frequency: 550, metadata: tags('Third', 3) });
  // Synced lyrics beside every song, for the lyrics panel to follow.
  for (const [name, title] of [['01-first', 'First'], ['02-second', 'Second'], ['03-third', 'Third']])
    writeFileSync(join(album, `${name}.lrc`), `[00:00.00]${title} begins\n[00:01.00]${title} goes on\n`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x2a7f62:s=320x320', '-frames:v', '1', join(album, 'cover.jpg')]);
  await registerUser(home, 'alice');
  expect((await runTunes(['library', 'add', album], { home })).code).toBe(0);
  await registerUser(home, 'bob');
  expect((await runTunes(['login', 'alice', '--password-stdin'], { home, input: 'correct horse\n' })).code).toBe(0);
  return { home };
}

async function bobsPlaylist(url: string): Promise<number> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${url}/api/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'bob', password: 'correct horse' }) });
  const { token } = (await login.json()) as { token: string };
  const created = await fetch(`${url}/api/playlists`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Bob only' }) });
  return ((await created.json()) as { id: number }).id;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function playAlbum(page: Page) {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Albums' }).click();
  await page.getByRole('link', { name: /Tones/ }).click();
  await page.getByRole('heading', { name: 'Tones' }).waitFor();
  await page.getByRole('button', { name: 'Play Tones' }).click();
  await page.getByTestId('now-title').filter({ hasText: 'First' }).waitFor();
  // The <audio> element's time advances: the bar's clock leaves 0:00.
  await page.getByTestId('position').filter({ hasText: '0:01' }).waitFor();
}

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
// The phone prefers dark: the page follows prefers-color-scheme.
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, colorScheme: 'dark' };

describe('the web player in Debian chromium', { timeout: 240_000 }, () => {
  it('desktop: log in, search, play an album through, build a playlist the CLI lists, reload, security, log out', async () => {
    const { home } = await library();
    const { url, log } = await serve(home);
    const bobs = await bobsPlaylist(url);
    browser ??= await launchChromium();
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));

    await page.goto(url);
    await page.getByRole('form', { name: 'Log in' }).waitFor();
    await shot(page, 'desktop-login');
    await logIn(page, url);
    await page.getByRole('button', { name: 'Play First' }).waitFor();
    await shot(page, 'desktop-songs');

    await page.keyboard.press('/');
    await page.keyboard.type('second');
    await page.getByRole('heading', { name: 'Search: second' }).waitFor();
    await expect.poll(() => page.getByRole('grid', { name: 'Search results' }).getByRole('row').count()).toBe(1);
    await shot(page, 'desktop-search');

    await playAlbum(page);
    expect(log()).toMatch(/GET \/api\/songs\/\d+\/stream\?user=\d+&expires=\d+&sig=\[redacted\] 206/);
    const session = await page.evaluate(() => ({ title: navigator.mediaSession.metadata?.title, art: navigator.mediaSession.metadata?.artwork[0]?.src }));
    expect(session.title).toBe('First');
    expect(session.art).toMatch(/\/api\/songs\/\d+\/cover\?size=96$/);
    await shot(page, 'desktop-album-playing');
    // The album flows on into its second song (preloaded in the spare <audio> element).
    await page.getByTestId('now-title').filter({ hasText: 'Second' }).waitFor();
    // A song heard for half its length (1 of 2 s) counts as a play, as in the CLI.
    await expect.poll(async () => (await runTunes(['history', '--json'], { home })).stdout, { timeout: 20_000 }).toContain('"title":"First"');

    await page.getByRole('button', { name: 'More actions for Third' }).click();
    await page.getByRole('button', { name: 'Add to playlist…' }).click();
    await page.getByLabel('New playlist').fill('Road trip');
    await page.getByRole('button', { name: 'Create and add' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “Third” to Road trip' }).waitFor();
    const shown = await runTunes(['playlist', 'show', 'Road trip'], { home });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Third');
    // By keys alone: `a` on a row adds it to a playlist; in the playlist, J moves a song down.
    await page.getByRole('row').filter({ hasText: 'First' }).focus();
    await page.keyboard.press('a');
    await page.getByRole('dialog').getByRole('button', { name: 'Road trip' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “First” to Road trip' }).waitFor();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Road trip' }).click();
    await page.getByRole('row').filter({ hasText: 'Third' }).focus();
    await page.keyboard.press('J');
    const order = async () => JSON.parse((await runTunes(['playlist', 'show', 'Road trip', '--json'], { home })).stdout) as unknown;
    await expect.poll(async () => JSON.stringify(await order())).toMatch(/"title":"First".*"title":"Third"/);

    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.getByRole('complementary', { name: 'Queue' }).waitFor();
    await shot(page, 'desktop-queue');
    await page.getByRole('button', { name: 'Lyrics', exact: true }).click();
    await page.getByRole('complementary', { name: 'Lyrics' }).getByText(/^(First|Second|Third) goes on$/).waitFor();
    await shot(page, 'desktop-lyrics');
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Road trip' }).click();
    await page.getByRole('heading', { name: 'Road trip' }).waitFor();
    await shot(page, 'desktop-playlist');

    await page.reload();
    await page.getByRole('heading', { name: 'Road trip' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // The queue came back too, paused.
    await page.getByTestId('now-title').filter({ hasText: 'Third' }).waitFor();

    // From the browser, the API's rules hold: the cookie is out of scripts' reach, writes without the
    // CSRF token are refused, another user's playlist is 404, no token in any URL the page asked for.
    const security = await page.evaluate(async (bobsId) => {
      const noToken = await fetch('/api/playlists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Forged' }) });
      const other = await fetch(`/api/playlists/${bobsId}`);
      return { cookie: document.cookie, forged: noToken.status, other: other.status };
    }, bobs);
    expect(security).toEqual({ cookie: '', forged: 403, other: 404 });

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard' }).waitFor();
    await shot(page, 'desktop-help');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('form', { name: 'Log in' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
    await page.reload();
    await page.getByRole('form', { name: 'Log in' }).waitFor();
    // The security probes above answer 403 and 404; logged out, /api/session answers 401.
    expect(failures.filter((text) => !/status of 40[134]/.test(text))).toEqual([]);
    expect(log()).not.toMatch(/GET \/[^ ]*(token|session)=/);
    await context.close();
  });

  it('phone: logs in, plays an album with the bar on screen, and shows the queue', async () => {
    const { home } = await library();
    const { url } = await serve(home);
    browser ??= await launchChromium();
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await logIn(page, url);
    await shot(page, 'phone-songs');
    await playAlbum(page);
    await shot(page, 'phone-album-playing');
    const bar = await page.getByRole('contentinfo', { name: 'Player' }).boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(844 + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.getByRole('complementary', { name: 'Queue' }).waitFor();
    await shot(page, 'phone-queue');
    // y swaps the queue for the lyrics, which follow the album on to its last song.
    await page.keyboard.press('y');
    const lyrics = page.getByRole('complementary', { name: 'Lyrics' });
    await lyrics.locator('li[aria-current="true"]').filter({ hasText: /^Third (begins|goes on)$/ }).waitFor();
    expect(await page.getByRole('complementary', { name: 'Queue' }).count()).toBe(0);
    await shot(page, 'phone-lyrics');
    await context.close();
  });
});
