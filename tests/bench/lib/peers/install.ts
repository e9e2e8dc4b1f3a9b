import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the scan comparison runs, by the command each provides. */
const PACKAGES: Record<string, string> = {
  cmus: 'cmus',
  'cmus-remote': 'cmus',
  mpd: 'mpd',
  mpc: 'mpc',
  tmux: 'tmux',
};

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** cmus reads MP4/M4A through its FFmpeg plugin; without it a quarter of the corpus would not count. */
const CMUS_FFMPEG_PLUGIN = '/usr/lib/cmus/ip/ffmpeg.so';

/**
 * Installs the peers with apt-get when they are missing (as root, on Debian, as CI runs). Returns
 * why a peer cannot run, by peer, for the table; an empty map when all can.
 */
export function ensurePeers(log: (message: string) => void): Map<'cmus' | 'mpd', string> {
  const missing = new Set(Object.keys(PACKAGES).filter((command) => !hasCommand(command)).map((command) => PACKAGES[command]!));
  if (hasCommand('cmus') && !existsSync(CMUS_FFMPEG_PLUGIN)) missing.add('cmus-plugin-ffmpeg');
  if (!hasCommand('cmus')) missing.add('cmus-plugin-ffmpeg');
  if (missing.size > 0) {
    if (process.getuid?.() !== 0 || !hasCommand('apt-get')) log(`bench: not installing ${[...missing].join(' ')} (needs root and apt-get)`);
    else {
      log(`bench: installing ${[...missing].join(' ')} with apt-get`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'ignore', env });
    }
  }
  const problems = new Map<'cmus' | 'mpd', string>();
  for (const command of ['cmus', 'cmus-remote', 'tmux']) if (!hasCommand(command)) problems.set('cmus', `${command} is not installed`);
  if (!problems.has('cmus') && !existsSync(CMUS_FFMPEG_PLUGIN)) problems.set('cmus', 'cmus-plugin-ffmpeg is not installed (no M4A)');
  for (const command of ['mpd', 'mpc']) if (!hasCommand(command)) problems.set('mpd', `${command} is not installed`);
  return problems;
}
