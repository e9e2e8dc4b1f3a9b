import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { runOnTerminal } from '../helpers/terminal-run.js';

describe('tunes playlist delete on a terminal', () => {
  it('asks first: "n" keeps the playlist (exit 2), "y" deletes it', async () => {
    const { home } = await cliLibrary(['alice'], []);
    await runTunes(['playlist', 'create', 'Keep'], { home });
    const kept = await runOnTerminal(['playlist', 'delete', 'keep'], home, 'n');
    expect(kept.output).toContain('Delete playlist "Keep" (0 songs)? [y/N]');
    expect(kept.output).toContain('tunes: cancelled; "Keep" was not deleted');
    expect(kept.code).toBe(2);
    expect((await runTunes(['playlist', 'show', 'keep'], { home })).code).toBe(0);

    const gone = await runOnTerminal(['playlist', 'delete', 'keep'], home, 'y');
    expect(gone.output).toContain('Deleted playlist "Keep" (0 songs)');
    expect(gone.code).toBe(0);
    expect((await runTunes(['playlist', 'show', 'keep'], { home })).code).toBe(4);
  });
});
