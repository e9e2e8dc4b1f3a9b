import type { PlayerBridge } from './bridge.js';

/**
 * MPRIS (org.mpris.MediaPlayer2.tunes), so playerctl, media keys, desktop widgets and waybar's mpris
 * module see and drive the player. Only with a session bus: without DBUS_SESSION_BUS_ADDRESS the
 * D-Bus code is never loaded and nothing is said.
 */
export const mprisBridge: PlayerBridge = {
  name: 'mpris',
  wanted: ({ env }) => Boolean(env['DBUS_SESSION_BUS_ADDRESS']),
  async start(host, context) {
    const { startMprisBus } = await import('./mpris-bus.js');
    return startMprisBus(host, context);
  },
};
