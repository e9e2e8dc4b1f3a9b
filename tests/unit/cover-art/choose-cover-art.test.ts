import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TERMINAL_QUERY } from '../../../src/text/cover-art/terminal-answers.js';
import { coverArtFor } from '../../../src/ui/art/choose-cover-art.js';
import { COLOR_THEME } from '../../../src/ui/theme.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A terminal on both ends: what tunes writes, and an answer (or none) to its query. */
function terminal(answer: string | undefined) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: () => stdin });
  const written: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
  stdout.write = ((chunk: unknown) => {
    written.push(String(chunk));
    if (String(chunk) === TERMINAL_QUERY && answer !== undefined) setImmediate(() => stdin.write(answer));
    return true;
  }) as typeof stdout.write;
  return { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, written };
}

async function coverFile() {
  const path = join(tempDir(), 'cover.jpg');
  writeFileSync(path, await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c04020' } }).jpeg().toBuffer());
  const file = { path, mime: 'image/jpeg', etag: 'x', byte_size: 1 };
  return { albumCover: async () => file, songCover: async () => file };
}

describe('choosing how covers are drawn', () => {
  it('sixel forced: asks the terminal a cell size, and sizes its images in those pixels', async () => {
    const { stdin, stdout, written } = terminal('\x1b[6;30;15t\x1b[?62;4c');
    const choice = await coverArtFor({ setting: 'sixel', theme: COLOR_THEME, env: { TERM: 'xterm-256color' }, stdin, stdout, covers: await coverFile() });
    expect(written).toContain(TERMINAL_QUERY);
    const picture = await choice.art!.source.picture({ songId: 1 }, 12, 6);
    expect(picture?.kind === 'image' && picture.picture.draw).toContain(`"1;1;${12 * 15};${6 * 30}`);
    // Answered in time: nothing to filter.
    expect(choice.stdin).toBe(stdin);
  });

  it('a query unanswered in time: the UI reads through the late-answer filter; half blocks through their layer', async () => {
    const { stdin, stdout } = terminal(undefined);
    const choice = await coverArtFor({ setting: 'auto', theme: COLOR_THEME, env: { TERM: 'xterm-256color' }, stdin, stdout, covers: await coverFile() });
    expect(choice.stdin).not.toBe(stdin);
    expect(choice.art?.halfBlocks).toBeDefined();
    expect(choice.stdout).toBe(choice.art!.halfBlocks!.stdout);
  });
});
