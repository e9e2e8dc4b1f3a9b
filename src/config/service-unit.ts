import { homedir } from 'node:os';
import { join } from 'node:path';
import { TunesError } from '../errors.js';
import { writeFileWhole } from './whole-file.js';

export const SERVICE_NAME = 'tunes-player.service';

/** What the player process needs from the environment it was installed from (a TUNES_HOME of its own, say). */
const PASSED_ON = ['TUNES_HOME', 'TUNES_MPV', 'TUNES_AUDIO_OUTPUT', 'TUNES_FFMPEG'] as const;

/**
 * A systemd user unit that runs the background player (`tunes player run`) from login on, as mpd's
 * and mopidy's user units do, so MPD clients, status bars and media keys find it without a tunes
 * command having started it first. `node` and the tunes script by absolute path: a user manager's
 * PATH is not the shell's.
 */
export function serviceUnit({ node, script, env }: { node: string; script: string; env: NodeJS.ProcessEnv }): string {
  const environment = PASSED_ON.filter((name) => env[name]).map((name) => `Environment=${quote(`${name}=${env[name]}`, false)}\n`);
  return (
    '[Unit]\n' +
    'Description=tunes background player (tunes commands, MPRIS and MPD clients)\n' +
    'After=sound.target\n\n' +
    '[Service]\n' +
    'Type=simple\n' +
    `ExecStart=${quote(node, true)} ${quote(script, true)} player run\n` +
    environment.join('') +
    'Restart=on-failure\n' +
    'RestartSec=5\n\n' +
    '[Install]\n' +
    'WantedBy=default.target\n'
  );
}

export function serviceUnitPath(env: NodeJS.ProcessEnv = process.env): string {
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'systemd', 'user', SERVICE_NAME);
}

/** Writes the unit (replacing an older one whole, never half-written); answers where. */
export function installServiceUnit(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = serviceUnitPath(env);
  writeFileWhole(path, text, 0o644);
  return path;
}

/**
 * One quoted word of a systemd unit, kept literal: specifiers (%) doubled everywhere, and on a
 * command line (only there systemd expands variables) `$` doubled too.
 */
function quote(word: string, commandLine: boolean): string {
  if (/[\0-\x1f\x7f]/.test(word)) throw new TunesError('invalid_input', `cannot put a control character in a systemd unit: ${JSON.stringify(word)}`);
  const escaped = word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%');
  return `"${commandLine ? escaped.replace(/\$/g, '$$$$') : escaped}"`;
}
