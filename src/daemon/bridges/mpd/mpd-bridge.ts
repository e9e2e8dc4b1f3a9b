import type { PlayerBridge } from '../bridge.js';
import { describeAddress, isLoopback, parseListenAddress } from './listen-address.js';

/**
 * The MPD protocol (mpc, ncmpcpp, status-bar modules, phone remotes) inside the player, when the
 * `mpd-listen` setting names an address. Only loopback addresses and socket paths: MPD sends
 * everything, a password included, in plain text, so the player refuses to listen on a network.
 * The protocol's code loads only when the setting is set (the player lives for hours: what it
 * loads is memory it holds).
 */
export const mpdBridge: PlayerBridge = {
  name: 'mpd',
  wanted: (context) => context.settings.mpdListen !== '',
  async start(host, context) {
    const address = parseListenAddress(context.settings.mpdListen);
    if (!isLoopback(address)) {
      throw new Error(`refusing to listen on ${describeAddress(address)}: only loopback addresses (127.0.0.1, ::1, localhost) or a socket path`);
    }
    const { serveMpd } = await import('./serve-mpd.js');
    return serveMpd(host, address, context);
  },
};
