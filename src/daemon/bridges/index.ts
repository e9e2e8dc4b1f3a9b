import type { PlayerHost } from '../../services/playback/player-host.js';
import type { BridgeContext, PlayerBridge, RunningBridge } from './bridge.js';
import { mpdBridge } from './mpd/mpd-bridge.js';
import { mprisBridge } from './mpris.js';

/**
 * The bridges the player starts (each only when it is wanted: see PlayerBridge.wanted). MPRIS
 * (bridges/mpris.ts, when DBUS_SESSION_BUS_ADDRESS is set) and MPD (bridges/mpd/, when the
 * `mpd-listen` setting is set) are added here.
 */
export const BRIDGES: readonly PlayerBridge[] = [mprisBridge, mpdBridge];

export async function startBridges(host: PlayerHost, context: BridgeContext, bridges: readonly PlayerBridge[] = BRIDGES): Promise<RunningBridge[]> {
  const running: RunningBridge[] = [];
  for (const bridge of bridges) {
    if (!bridge.wanted(context)) continue;
    try {
      running.push(await bridge.start(host, context));
      context.log(`${bridge.name}: started`);
    } catch (error) {
      context.log(`${bridge.name}: could not start: ${(error as Error).message}`);
    }
  }
  return running;
}
