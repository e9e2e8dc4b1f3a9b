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
