import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, headless, as CI installs it; no background networking (this network is closed). Playwright gives it a fresh profile. */
export const CHROMIUM = process.env.TUNES_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Logs alice (password "correct horse", as the web tests register her) in and waits for the Songs page. */
export async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('correct horse');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Songs' }).waitFor();
}
