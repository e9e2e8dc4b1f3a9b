import { resolveMpvBinary } from './mpv-binary.js';
import { spawnMpv, type MpvProcess } from './mpv-process.js';

let early: Promise<MpvProcess> | undefined;

/**
 * Starts mpv at once, before the CLI has loaded the rest of its modules, so `tunes play` does not
 * wait for both one after the other. The audio engine adopts it on first use (takePrespawned).
 * A missing mpv is not reported here: the engine reports it with its install hint.
 */
export function prespawnMpv(env: NodeJS.ProcessEnv = process.env): void {
  if (early) return;
  let binary: string;
  try {
    binary = resolveMpvBinary(env);
  } catch {
    return;
  }
  early = spawnMpv({ binary, audioOutput: env.TUNES_AUDIO_OUTPUT || undefined });
  early.catch(() => undefined);
}

/** The prespawned mpv, if there is one and nobody took it yet; it is then the caller's to stop. */
export function takePrespawned(): Promise<MpvProcess> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}

/** Stops a prespawned mpv nobody adopted (the command failed before playing). */
export async function discardPrespawned(): Promise<void> {
  const left = takePrespawned();
  if (left) await (await left.catch(() => undefined))?.stop();
}
