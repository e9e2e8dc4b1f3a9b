import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runTraced } from '../helpers/traced-run.js';

const COUNT_INTL = new URL('../helpers/count-intl.cjs', import.meta.url).pathname;

/** Packages `tunes songs <word>` has no use for: each would be code V8 loads and runs on every search. */
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
  'chokidar', // the library watch
  'fast-xml-parser', // a remote (Subsonic) library's client
];

describe('tunes songs starts lean', () => {
  it('loads none of the packages it does not need, and still reads the session and settings from config.json', async () => {
    const home = tempDir();
    await registerUser(home, 'admin');
    const config = join(home, 'config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), settings: { 'audio-device': 'alsa/bench' } }));
    const { result, imported, ranSources, bundles } = await runTraced(['songs', 'anything'], home);
    expect(result).toMatchObject({ code: 0 });
    expect(imported).toContain('better-sqlite3');
    // The two one-file CommonJS bundles only: no ES module chunk, so no ES module loader either.
    expect(bundles.map((url) => url.split('/').pop()).sort()).toEqual(['main.cjs', 'plain.cjs']);
    expect(ranSources).toContain('node_modules/kysely/dist/esm/kysely.js');
    for (const name of NOT_FOR_SONGS) {
      expect(imported, name).not.toContain(`node_modules/${name}/`);
      for (const source of ranSources) expect(source, name).not.toContain(`node_modules/${name}/`);
    }
    // The session and the settings are read without conf.
    expect(await runTunes(['whoami'], { home })).toMatchObject({ code: 0, stdout: 'admin (admin)\n' });
    expect((await runTunes(['config', 'get', 'audio-device'], { home })).stdout).toContain('alsa/bench');
  });

  it('runs from V8\'s code cache after the first run, and a corrupt or unwritable cache costs only the compile', async () => {
    const home = tempDir();
    const cacheDir = join(home, 'cache', 'code');
    const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
    expect(await runTunes(['songs', 'anything'], { home })).toMatchObject({ code: 0 });
    const [cache] = cacheFiles();
    expect(cache).toMatch(/^plain\.cjs-\d+-\d+-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const path = join(cacheDir, cache!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const written = readFileSync(path);
    // V8 took the cache: it is not written again.
    expect(await runTunes(['songs', 'anything'], { home })).toMatchObject({ code: 0 });
    expect(readFileSync(path).equals(written)).toBe(true);
    // A corrupt cache is refused by V8 and replaced after the command ran as usual.
    writeFileSync(path, Buffer.alloc(written.length, 7));
    expect(await runTunes(['songs', 'anything'], { home })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path).equals(Buffer.alloc(written.length, 7))).toBe(false);
    expect(cacheFiles()).toEqual([cache]);
    // A folder that cannot be written (root ignores the mode, so the cache path is a file instead).
    const blocked = tempDir();
    writeFileSync(join(blocked, 'cache'), 'not a folder');
    chmodSync(join(blocked, 'cache'), 0o400);
    expect(await runTunes(['songs', 'anything'], { home: blocked })).toMatchObject({ code: 0, stderr: '' });
  });

  it('builds no Intl collator or segmenter when nothing needs sorting by name or splitting graphemes', async () => {
    const home = tempDir();
    const counts = join(tempDir(), 'intl.json');
    const result = await runTunes(['songs', 'anything'], { home, nodeArgs: ['--require', COUNT_INTL], env: { COUNT_INTL_FILE: counts } });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(counts, 'utf8'))).toEqual({ Collator: 0, Segmenter: 0 });
  });
});
