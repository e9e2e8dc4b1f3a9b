/// <reference lib="dom" />
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../helpers/web-browser.js';
import { median, ms, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { startServer } from './server.js';

const WEB_ASSETS = new URL('../../../dist/web/assets/', import.meta.url).pathname;
const RUNS = 7;

/**
 * The web player's budgets (issue 19): JavaScript gzipped for the first load (<= 100 KB), and the
 * first paint on loopback (<= 1 s) beside a one-line HTML page's in the same browser and run.
 */
export const webSection: BenchSection = {
  name: 'web',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const scripts = readdirSync(WEB_ASSETS).filter((name) => name.endsWith('.js'));
    const gzipped = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(WEB_ASSETS, name)), { level: 9 }).length, 0);
    const home = mkdtempSync(join(ctx.scratch, 'web-home-'));
    const server = await startServer(join(home, 'tunes.db'), home);
    const plain = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>hello</p>'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainUrl = `http://127.0.0.1:${(plain.address() as { port: number }).port}/`;
    const browser = await launchChromium();
    try {
      const json = { 'content-type': 'application/json' };
      await fetch(`${server.url}/api/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'bench', password: 'correct horse' }) });
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      const firstPaint = async (url: string) => {
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          await page.goto(`${url}?run=${i}`);
          samples.push(await paintOf(page));
        }
        return median(samples);
      };
      const app = await firstPaint(server.url);
      const baseline = await firstPaint(plainUrl);
      const loggedIn: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.goto(server.url);
        await page.getByLabel('Username').fill('bench');
        await page.getByLabel('Password').fill('correct horse');
        const started = performance.now();
        await page.getByRole('button', { name: 'Log in' }).click();
        await page.getByRole('heading', { name: 'Songs' }).waitFor();
        loggedIn.push(performance.now() - started);
        await page.getByRole('button', { name: 'Log out' }).click();
      }
      return [
        { measure: 'web: JavaScript of the first load, gzipped', value: `${(gzipped / 1024).toFixed(1)} KB (${scripts.length} file)`, baseline: 'budget', baselineValue: '100 KB' },
        { measure: `web: first contentful paint of / on loopback, median of ${RUNS}`, value: ms(app), baseline: 'a one-line HTML page, same browser (budget 1 s)', baselineValue: ms(baseline) },
        { measure: 'web: log in -> Songs page shown (one scrypt at full cost), median of 3', value: ms(median(loggedIn)) },
      ];
    } finally {
      await browser.close();
      plain.close();
      await server.stop();
    }
  },
};

async function paintOf(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ entryTypes: ['paint'] });
      }),
  );
}
