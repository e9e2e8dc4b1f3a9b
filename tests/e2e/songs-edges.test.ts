import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';

describe('tunes songs at its edges', () => {
  it('says where the last page is when --page goes past it', async () => {
    const { home } = await cliLibrary([], Array.from({ length: 23 }, (_, i) => ({ title: `Tune ${i}`, artist: i < 3 ? 'Rare' : 'Common' })));
    const past = await runTunes(['songs', '--page', '999', '--limit', '10'], { home });
    expect(past.stdout).toBe('Page 999 is past the end: 23 songs, so the last page is 3 (--page 3).\n');
    expect(past.code).toBe(0);
    const filtered = await runTunes(['songs', 'tune', '--artist', 'rare', '--page', '2'], { home });
    expect(filtered.stdout).toBe('Page 2 is past the end: 3 songs, so the last page is 1 (--page 1).\n');
    expect((await runTunes(['songs', 'nothing', '--page', '2'], { home })).stdout).toBe('No songs match "nothing".\n');
    // JSON readers get the empty page they asked for.
    expect(JSON.parse((await runTunes(['songs', '--page', '999', '--json'], { home })).stdout)).toEqual([]);
  });

  it('shows every id given to songs show, and refuses 0 and -1 alike', async () => {
    const { home, songs } = await cliLibrary([], [{ title: 'First' }, { title: 'Second' }]);
    const [a, b] = songs.map((s) => String(s.id));
    const both = await runTunes(['songs', 'show', a!, b!], { home });
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^id: +\d+\ntitle: +First\n[\s\S]*\n\nid: +\d+\ntitle: +Second\n/);
    const json = JSON.parse((await runTunes(['songs', 'show', a!, b!, '--json'], { home })).stdout) as Array<{ title: string }>;
    expect(json.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(JSON.parse((await runTunes(['songs', 'show', a!, '--json'], { home })).stdout)).toMatchObject({ title: 'First' });

    const missing = await runTunes(['songs', 'show', a!, '99999'], { home });
    expect([missing.code, missing.stderr, missing.stdout]).toEqual([4, 'tunes: no song with id 99999\n', '']);
    const zero = await runTunes(['songs', 'show', '0'], { home });
    const negative = await runTunes(['songs', 'show', '-1'], { home });
    expect([zero.code, zero.stderr]).toEqual([2, 'tunes: not a valid song id: 0\n']);
    expect([negative.code, negative.stderr]).toEqual([2, 'tunes: not a valid song id: -1\n']);
  });
});
