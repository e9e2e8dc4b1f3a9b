import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/audio', import.meta.url));

/** Every committed fixture file name. */
export const FIXTURE_FILES = readdirSync(FIXTURES_DIR).sort();

/** Copies the fixtures (or some of them) into `dir`, so a test can change, delete and rename them. */
export function copyFixtures(dir: string, names: readonly string[] = FIXTURE_FILES): void {
  for (const name of names) cpSync(join(FIXTURES_DIR, name), join(dir, name));
}

/** The fixtures that are real audio with readable tags (the rest are broken on purpose or not audio). */
export const BROKEN_FIXTURES = ['corrupt.flac', 'not-audio.mp3', 'truncated.m4a', 'zero-byte.mp3'];

/** Damaged files, in a folder of their own (tests/fixtures/damaged). */
export const DAMAGED_DIR = fileURLToPath(new URL('../fixtures/damaged', import.meta.url));

/** Real audio cut short: readable, each with the length it really plays (as ffmpeg decodes it, in ms). */
export const CUT_SHORT_FIXTURES: Record<string, number> = {
  'truncated-vbr.mp3': 1660,
  'truncated.flac': 640,
  'truncated.aiff': 1990,
  'truncated.wma': 2170,
  'truncated-faststart.m4a': 1660,
};
