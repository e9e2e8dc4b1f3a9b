import { resolveMpvBinary } from './mpv-binary.js';
import { spawnMpv, type MpvProcess } from './mpv-process.js';

let early: Promise<MpvProcess> | undefined;
let earlyArgs: readonly string[] = [];

/**
 * Starts mpv at once, before the CLI has loaded the rest of its modules, so `tunes play` does not
 * wait for both one after the other. The audio engine adopts it on first use (takePrespawned).
 * A missing mpv is not reported here: the engine reports it with its install hint.
 */
export function prespawnMpv(env: NodeJS.ProcessEnv = process.env, settingsArgs: readonly string[] = []): void {
  if (early) return;
  let binary: string;
  try {
    binary = resolveMpvBinary(env);
  } catch {
    return;
  }
  earlyArgs = settingsArgs;
  early = spawnMpv({ binary, audioOutput: env.TUNES_AUDIO_OUTPUT || undefined, settingsArgs: [...settingsArgs] });
  early.catch(() => undefined);
}

/**
 * The prespawned mpv, if there is one, nobody took it yet and it was started with `settingsArgs`
 * (the settings may have been read differently since); it is then the caller's to stop. One started
 * with other settings is stopped.
 */
export function takePrespawned(settingsArgs: readonly string[] = []): Promise<MpvProcess> | undefined {
  const taken = early;
  early = undefined;
  if (taken && settingsArgs.join('\0') !== earlyArgs.join('\0')) {
    void taken.then((mpv) => mpv.stop()).catch(() => undefined);
    return undefined;
  }
  return taken;
}

/** Stops a prespawned mpv nobody adopted (the command failed before playing). */
export async function discardPrespawned(): Promise<void> {
  const left = takePrespawned(earlyArgs);
  if (left) await (await left.catch(() => undefined))?.stop();
}
