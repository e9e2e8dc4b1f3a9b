import type { PlayerBridge, RunningBridge } from './bridge.js';

/**
 * MPRIS (org.mpris.MediaPlayer2.tunes), so playerctl, media keys, desktop widgets and waybar's mpris
 * module see and drive the player. Only with a session bus: without DBUS_SESSION_BUS_ADDRESS the
 * D-Bus code is never loaded and nothing is said.
 *
 * It comes up in the background: loading the D-Bus code and meeting the bus (~30-100 ms here) would
 * otherwise hold up the player's start, and so every cold `tunes play`. Until then a media key
 * finds no tunes on the bus, as for any player that is still starting.
 */
export const mprisBridge: PlayerBridge = {
  name: 'mpris',
  wanted: ({ env }) => Boolean(env['DBUS_SESSION_BUS_ADDRESS']),
  async start(host, context) {
    const starting: Promise<RunningBridge | undefined> = import('./mpris-bus.js')
      .then(({ startMprisBus }) => startMprisBus(host, context))
      .then(
        (running) => {
          context.log('mpris: on the session bus');
          return running;
        },
        (error: unknown) => {
          context.log(`mpris: could not start: ${(error as Error).message}`);
          return undefined;
        },
      );
    return {
      async stop() {
        await (await starting)?.stop();
      },
    };
  },
};
