/**
 * What the MPRIS bridge costs the background player (issue 13: idle 0.0% CPU over 60 s, RSS <= 60 MiB
 * without mpv). Two players run side by side over the same window, one on a private session bus
 * (dbus-run-session: the bridge loads and registers org.mpris.MediaPlayer2.tunes) and one with no
 * bus (the bridge is never loaded); each figure with the bus sits beside the same figure without it.
 * Also cold `tunes play -b` (no player running: it starts one) with and without the bus.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../../src/db/open.js';
import { makeTone } from '../../fixtures/playback/make-audio.js';
import { onBus, startSessionBus } from '../../helpers/session-bus.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { median, ms, mustSucceed, runProcess, TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { cpuOver, pct, rssMiB } from '../lib/processes.js';

const AO = process.env.BENCH_AO ?? 'null';
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS) || 60;
const CPU_SECONDS = Number(process.env.BENCH_CPU_SECONDS) || 10;
const COLD_RUNS = 5;

export const mprisSection: BenchSection = {
  name: 'mpris',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const dir = join(ctx.scratch, 'mpris');
    const music = join(dir, 'music');
    mkdirSync(music, { recursive: true });
    const files = Array.from({ length: 3 }, (_, i) => makeTone(music, `mpris-${i}`, { seconds: 120, frequency: 300 + 100 * i }));
    const bus = await startSessionBus();
    const homes = { bus: join(dir, 'with-bus'), none: join(dir, 'no-bus') };
    for (const home of Object.values(homes)) {
      const store = await openStore(join(home, 'tunes.db'));
      await seedSongs(store, files.map((path, i) => ({ path, title: `Mpris ${i}`, artist: 'Bench Band', duration_ms: 120_000 })));
      await store.close();
    }
    const envOf = (home: string) => ({ TUNES_HOME: home, TUNES_AUDIO_OUTPUT: AO, DBUS_SESSION_BUS_ADDRESS: home === homes.bus ? bus.address : undefined });
    const tunes = (home: string, ...args: string[]) => runProcess(process.execPath, [TUNES_BIN, ...args], envOf(home));
    try {
      ctx.log('mpris: cold tunes play -b, with and without a session bus');
      const cold = { bus: [] as number[], none: [] as number[] };
      for (let i = 0; i < COLD_RUNS; i += 1) {
        for (const key of ['bus', 'none'] as const) {
          await tunes(homes[key], 'player', 'quit');
          cold[key].push(mustSucceed(await tunes(homes[key], 'play', 'mpris', '--repeat', 'all', '-b'), 'tunes play -b').wallMs);
        }
      }
      // The bridge comes up in the background, after the player is ready.
      for (let tries = 0; !(await onBus(bus, 'playerctl', ['-l']).catch(() => '')).split('\n').includes('tunes'); tries += 1) {
        if (tries > 100) throw new Error('the player on the bus is not on MPRIS');
        await sleep(100);
      }

      ctx.log(`mpris: idle CPU over ${IDLE_SECONDS} s (both players paused, nobody attached)`);
      for (const home of Object.values(homes)) mustSucceed(await tunes(home, 'pause'), 'tunes pause');
      // Both players just started: let them settle (the pause's save, the first GCs) before the window.
      await sleep(5000);
      const withBus = playerPid(homes.bus);
      const without = playerPid(homes.none);
      const [idleBus, idleNone] = await cpuOver([withBus, without], IDLE_SECONDS);
      const rss = { bus: rssMiB(withBus), none: rssMiB(without) };

      ctx.log(`mpris: CPU while playing over ${CPU_SECONDS} s`);
      for (const home of Object.values(homes)) mustSucceed(await tunes(home, 'resume'), 'tunes resume');
      await sleep(1000);
      const [playingBus, playingNone] = await cpuOver([withBus, without], CPU_SECONDS);

      return [
        { measure: `player CPU idle with MPRIS on a session bus: paused, nobody attached (${IDLE_SECONDS} s)`, value: pct(idleBus!), baseline: 'the same player, no session bus', baselineValue: pct(idleNone!) },
        { measure: `player CPU playing with MPRIS, mpv apart (${CPU_SECONDS} s)`, value: pct(playingBus!), baseline: 'the same player, no session bus', baselineValue: pct(playingNone!) },
        { measure: 'player RSS with MPRIS (paused; mpv is its own process)', value: `${rss.bus.toFixed(1)} MiB`, baseline: 'the same player, no session bus', baselineValue: `${rss.none.toFixed(1)} MiB` },
        { measure: `cold tunes play -b with a session bus (median of ${COLD_RUNS})`, value: ms(median(cold.bus)), baseline: 'the same, no session bus', baselineValue: ms(median(cold.none)) },
      ];
    } finally {
      for (const home of Object.values(homes)) await tunes(home, 'player', 'quit');
      await bus.close();
    }
  },
};

function playerPid(home: string): number {
  const lock = readdirSync(join(home, 'run')).find((name) => name.endsWith('.lock'))!;
  return Number(readFileSync(join(home, 'run', lock), 'utf8').split(' ')[0]);
}
