import { execFile } from 'node:child_process';
import { TunesError } from '../errors.js';

export interface AudioDevice {
  /** What `--audio-device` takes, e.g. `pulse/alsa_output.usb-...` or `auto`. */
  name: string;
  description: string;
}

/** The audio outputs mpv can use on this machine (`mpv --audio-device=help`). */
export async function listAudioDevices(binary: string): Promise<AudioDevice[]> {
  const output = await runMpv(binary, ['--no-config', '--audio-device=help']);
  const devices: AudioDevice[] = [];
  for (const line of output.split('\n')) {
    const match = /^\s+'(.+)' \((.*)\)\s*$/.exec(line);
    if (match) devices.push({ name: match[1]!, description: match[2]! });
  }
  return devices;
}

/** The names of the options this mpv knows (`mpv --list-options`), without removed ones. */
export async function listMpvOptionNames(binary: string): Promise<Set<string>> {
  const output = await runMpv(binary, ['--no-config', '--list-options']);
  const names = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /^ --([a-z0-9][a-z0-9-]*)\s+(.*)$/.exec(line);
    if (match && !match[2]!.startsWith('removed')) names.add(match[1]!);
  }
  return names;
}

function runMpv(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // A guard against an mpv that hangs (a broken audio server), not a speed limit.
    execFile(binary, args, { timeout: 30_000, maxBuffer: 8 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (error && !stdout) reject(new TunesError('io', `could not ask mpv (${args.at(-1)}): ${error.message.split('\n')[0]}`));
      else resolve(stdout);
    });
  });
}
