import { readFileSync } from 'node:fs';
import { resolveConfigFile } from './paths.js';

/**
 * The stored settings read straight from config.json, without loading `conf` (a file of its own, so
 * importing it loads nothing else): for the first milliseconds of `tunes play`, which starts mpv
 * before the rest of the CLI loads. Anything unreadable counts as no settings here; the full config
 * reports it later.
 */
export function readStoredSettingsQuickly(env: NodeJS.ProcessEnv = process.env): Readonly<Record<string, unknown>> {
  try {
    const data = JSON.parse(readFileSync(resolveConfigFile(env), 'utf8')) as { settings?: Record<string, unknown> };
    return typeof data.settings === 'object' && data.settings !== null ? data.settings : {};
  } catch {
    return {};
  }
}
