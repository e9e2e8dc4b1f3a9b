import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { TunesError } from '../errors.js';

/** How to get mpv on the machine we run on; shown as the hint of the dependency error. */
export function mpvInstallHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'install it with: brew install mpv';
  if (platform === 'win32') return 'install it with: winget install mpv (or scoop install mpv)';
  return 'install it with: sudo apt install mpv (Debian/Ubuntu), sudo dnf install mpv (Fedora) or brew install mpv';
}

/**
 * Finds the mpv executable (`TUNES_MPV`, else `mpv` on PATH) without spawning anything, so a
 * missing player is reported before any other work and plain commands never pay for a process.
 */
export function resolveMpvBinary(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const wanted = env.TUNES_MPV || 'mpv';
  const found = isAbsolute(wanted) || wanted.includes('/') ? (isExecutable(wanted) ? wanted : undefined) : searchPath(wanted, env, platform);
  if (!found) {
    const what = env.TUNES_MPV ? `mpv not found at ${env.TUNES_MPV} (TUNES_MPV)` : 'mpv is not installed (needed to play audio)';
    throw new TunesError('dependency_missing', what, mpvInstallHint(platform));
  }
  return found;
}

function searchPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
