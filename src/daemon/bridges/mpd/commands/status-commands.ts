import type { HostState } from '../../../../domain/player-state.js';
import { oneLine } from '../ack.js';
import { command, type CommandSpec, type MpdContext } from '../context.js';
import { songLines } from '../song-lines.js';

/** `status`, `currentsong`, `stats`: what mpc, status bars and remotes read. */
export const STATUS_COMMANDS: Record<string, CommandSpec> = {
  status: command(0, 0, (ctx) => statusLines(ctx, ctx.host.state())),
  currentsong: command(0, 0, async (ctx) => {
    const state = ctx.host.state();
    const queue = ctx.host.queue();
    const entry = queue.entries[state.queue_index];
    if (!entry) return;
    return songLines(entry.song, await ctx.uris(), ctx.tags) + `Pos: ${state.queue_index}\nId: ${entry.entry_id}\n`;
  }),
  stats: command(0, 0, async (ctx) => {
    const totals = await ctx.totals();
    const updated = totals.last_added_at === null ? 0 : Math.floor(Date.parse(totals.last_added_at) / 1000);
    return (
      `uptime: ${ctx.clock.uptimeSeconds()}\nplaytime: ${ctx.clock.playtimeSeconds()}\n` +
      `artists: ${totals.artists}\nalbums: ${totals.albums}\nsongs: ${totals.songs}\n` +
      `db_playtime: ${Math.round(totals.duration_ms / 1000)}\ndb_update: ${updated}\n`
    );
  }),
};

/**
 * tunes' modes as MPD's: repeat all = repeat 1; repeat one = repeat 1 + single 1; random = shuffle
 * (which reorders the queue clients see, as tunes shows it). No consume mode.
 */
export function statusLines(ctx: MpdContext, state: HostState): string {
  const queue = ctx.host.queue();
  ctx.versions.remember(queue);
  const current = queue.entries[state.queue_index];
  let out =
    `volume: ${state.muted ? 0 : state.volume}\n` +
    `repeat: ${state.repeat === 'off' ? 0 : 1}\nrandom: ${state.shuffle ? 1 : 0}\nsingle: ${state.repeat === 'one' ? 1 : 0}\nconsume: 0\n` +
    `partition: default\nplaylist: ${queue.version}\nplaylistlength: ${queue.entries.length}\nmixrampdb: 0\n` +
    `state: ${state.status === 'playing' ? 'play' : state.status === 'paused' ? 'pause' : 'stop'}\n`;
  if (current) out += `song: ${state.queue_index}\nsongid: ${current.entry_id}\n`;
  if (current && state.status !== 'stopped') {
    const elapsed = state.position_ms / 1000;
    const duration = (state.duration_ms ?? current.song.duration_ms ?? 0) / 1000;
    out += `time: ${Math.floor(elapsed)}:${Math.round(duration)}\nelapsed: ${elapsed.toFixed(3)}\n`;
    if (current.song.bitrate) out += `bitrate: ${Math.round(current.song.bitrate / 1000)}\n`;
    out += `duration: ${duration.toFixed(3)}\n`;
    if (current.song.sample_rate) out += `audio: ${current.song.sample_rate}:*:*\n`;
  }
  const next = nextIndex(state);
  const nextEntry = next === undefined ? undefined : queue.entries[next];
  if (nextEntry) out += `nextsong: ${next}\nnextsongid: ${nextEntry.entry_id}\n`;
  const job = ctx.library?.updating;
  if (job !== undefined) out += `updating_db: ${job}\n`;
  if (state.problem) out += `error: ${oneLine(state.problem)}\n`;
  return out;
}

/** What plays after the current song ends by itself. */
function nextIndex(state: HostState): number | undefined {
  if (state.queue_index < 0 || state.queue_length === 0) return undefined;
  if (state.repeat === 'one') return state.queue_index;
  if (state.queue_index + 1 < state.queue_length) return state.queue_index + 1;
  return state.repeat === 'all' ? 0 : undefined;
}
