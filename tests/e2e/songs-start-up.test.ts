import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runTraced } from '../helpers/traced-run.js';

const COUNT_INTL = new URL('../helpers/count-intl.cjs', import.meta.url).pathname;

/** Packages `tunes songs <word>` has no use for: each would be code V8 compiles on every search. */
const NOT_FOR_SONGS = [
  'conf', // the config is read as plain JSON; conf loads only to write it
  'ajv',
  'semver',
  'saxes', // XSPF's reader: only for importing a playlist file
  'chardet', // guesses a lyrics file's encoding: only for scans
  'ink',
  'react',
  'fastify',
  'music-metadata',
  '@jellybrick/mpris-service',
];

describe('tunes songs starts lean', () => {
  it('loads none of the packages it does not need, and still reads the session and settings from config.json', async () => {
    const home = tempDir();
    await registerUser(home, 'admin');
    const config = join(home, 'config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), settings: { 'audio-device': 'alsa/bench' } }));
    const { result, imported, bundleTexts } = await runTraced(['songs', 'anything'], home);
    expect(result).toMatchObject({ code: 0 });
    expect(imported).toContain('better-sqlite3');
    expect(bundleTexts.length).toBeGreaterThan(0);
    for (const name of NOT_FOR_SONGS) {
      expect(imported, name).not.toContain(`node_modules/${name}/`);
      for (const text of bundleTexts) expect(text, name).not.toContain(`// node_modules/${name}/`);
    }
    // The session and the settings are read without conf.
    expect(await runTunes(['whoami'], { home })).toMatchObject({ code: 0, stdout: 'admin (admin)\n' });
    expect((await runTunes(['config', 'get', 'audio-device'], { home })).stdout).toContain('alsa/bench');
  });

  it('builds no Intl collator or segmenter when nothing needs sorting by name or splitting graphemes', async () => {
    const home = tempDir();
    const counts = join(tempDir(), 'intl.json');
    const result = await runTunes(['songs', 'anything'], { home, nodeArgs: ['--require', COUNT_INTL], env: { COUNT_INTL_FILE: counts } });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(counts, 'utf8'))).toEqual({ Collator: 0, Segmenter: 0 });
  });
});
