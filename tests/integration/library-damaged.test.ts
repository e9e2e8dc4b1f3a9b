import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtures, DAMAGED_DIR } from '../helpers/fixtures.js';
import { libraryHarness, songAt } from '../helpers/library-harness.js';

/** How long ffmpeg really decodes a file for (its `time=` at the end), in ms: the oracle. */
function decodedMs(path: string): number {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-stats_period', '1000', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
  const times = [...(run.stderr ?? '').matchAll(/time=(\d+):(\d+):(\d+\.\d+)/g)];
  const last = times.at(-1);
  if (!last) throw new Error(`ffmpeg decoded nothing of ${path}: ${run.stderr}`);
  return Math.round((Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3])) * 1000);
}

/** Files cut short, and how close to ffmpeg's decoded length the scan must come. */
const CUT_SHORT = [
  // Counted: MP3 frames, FLAC's last frame header, AIFF's fixed-size frames.
  ['truncated-vbr.mp3', 150],
  ['truncated.flac', 150],
  ['truncated.aiff', 150],
  // Estimated from the share of the audio bytes present.
  ['truncated.wma', 0.15],
  ['truncated-faststart.m4a', 0.15],
] as const;

describe('library scan: files with no audio, and files cut short', () => {
  it('reports random bytes and text named like audio as failures with a reason, not as songs', async () => {
    const { admin, library, catalog, music } = await libraryHarness();
    cpSync(join(DAMAGED_DIR, 'random-bytes.mp3'), join(music, 'random-bytes.mp3'));
    copyFixtures(music, ['not-audio.mp3']);
    // More random files, new each run: any of them becoming a song is a failure of the check.
    for (let i = 0; i < 12; i += 1) {
      writeFileSync(join(music, `noise ${i}.mp3`), crypto.getRandomValues(new Uint8Array(20480)));
      writeFileSync(join(music, `noise ${i}.aac`), crypto.getRandomValues(new Uint8Array(20480)));
    }
    writeFileSync(join(music, 'lyrics.ogg'), 'These are lyrics, saved with the wrong name.\n');
    writeFileSync(join(music, 'notes.flac'), 'fLaC but nothing more than that\n');
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ added: 0, failed: 28 });
    const reasons = Object.fromEntries(scan.failures.map((f) => [f.path.slice(music.length + 1), f.reason]));
    expect(reasons['random-bytes.mp3']).toMatch(/^not an audio file \(no (MPEG audio|AAC) frames found\)$/);
    expect(reasons['not-audio.mp3']).toMatch(/^not an audio file/);
    expect(reasons['lyrics.ogg']).toMatch(/not an audio file|corrupt/);
    expect(reasons['notes.flac']).toMatch(/not an audio file|truncated/);
    expect(await catalog.countSongs()).toBe(0);
  });

  it('gives a file cut short the length it really plays (ffmpeg as the oracle) and says it is cut short', async () => {
    const { store, admin, library, music } = await libraryHarness();
    for (const [name] of CUT_SHORT) cpSync(join(DAMAGED_DIR, name), join(music, name));
    copyFixtures(music, ['truncated.m4a']);
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ added: CUT_SHORT.length, failed: 1 });
    expect(scan.failures[0]).toMatchObject({ path: join(music, 'truncated.m4a'), reason: expect.stringMatching(/^cut short: .*moov/) });
    for (const [name, tolerance] of CUT_SHORT) {
      const song = await songAt(store, join(music, name));
      const real = decodedMs(join(music, name));
      const allowed = tolerance < 1 ? real * tolerance : tolerance;
      expect(Math.abs(song!.duration_ms! - real), `${name}: ${song!.duration_ms} ms, ffmpeg decodes ${real} ms`).toBeLessThanOrEqual(allowed);
      // The header says 0:05; the file holds 40% of it.
      expect(song!.duration_ms!).toBeLessThan(3000);
      expect(scan.warnings).toContainEqual({ path: join(music, name), reason: expect.stringMatching(/^cut short: it plays (about )?0:0\d of the 0:05 its header says$/) });
    }
  });

  it('leaves whole files as they are: no warnings, the lengths ffmpeg decodes', async () => {
    const { store, admin, library, music } = await libraryHarness();
    const whole = ['flac.flac', 'vorbis.ogg', 'opus.opus', 'wav.wav', 'aiff.aiff', 'alac.m4a', 'aac.m4a', 'wma.wma', 'mp3-id3v24.mp3', 'adts.aac'];
    copyFixtures(music, whole);
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ added: whole.length, failed: 0, warnings: [] });
    for (const name of whole) {
      const song = await songAt(store, join(music, name));
      // MP3/AAC frames hold the encoder's padding, which ffmpeg trims: a frame's worth of slack.
      expect(Math.abs(song!.duration_ms! - decodedMs(join(music, name))), name).toBeLessThanOrEqual(200);
    }
  });
});
