import type { PlayerCommand, RepeatMode } from '../../../../domain/player-command.js';
import { Ack, MpdAck } from '../ack.js';
import { booleanArg, integerArg, positionArg, secondsArg } from '../arguments.js';
import { command, type CommandSpec, type MpdContext } from '../context.js';

/** Playing, seeking, volume and modes: each one PlayerCommand through the player's dispatcher. */
export const PLAYBACK_COMMANDS: Record<string, CommandSpec> = {
  play: command(0, 1, async (ctx, [position]) => {
    const state = ctx.host.state();
    if (position === undefined || position === '-1') {
      if (state.queue_length === 0 || state.status === 'playing') return;
      return void (await dispatch(ctx, { type: 'resume' }));
    }
    await dispatch(ctx, { type: 'queue-play', index: positionArg(position, state.queue_length) });
  }),
  playid: command(0, 1, async (ctx, [id]) => {
    if (id === undefined || id === '-1') return PLAYBACK_COMMANDS['play']!.run(ctx, []);
    await dispatch(ctx, { type: 'queue-play', entry_id: entryId(ctx, id) });
  }),
  pause: command(0, 1, async (ctx, [on]) => {
    const status = ctx.host.state().status;
    if (on === undefined) return void (status === 'stopped' ? undefined : await dispatch(ctx, { type: 'toggle' }));
    if (booleanArg(on)) return void (status === 'playing' ? await dispatch(ctx, { type: 'pause' }) : undefined);
    if (status === 'paused') await dispatch(ctx, { type: 'resume' });
  }),
  stop: command(0, 0, (ctx) => dispatch(ctx, { type: 'stop' })),
  next: command(0, 0, (ctx) => (ctx.host.state().queue_length === 0 ? undefined : dispatch(ctx, { type: 'next' }))),
  previous: command(0, 0, (ctx) => (ctx.host.state().queue_length === 0 ? undefined : dispatch(ctx, { type: 'previous' }))),
  seek: command(2, 2, async (ctx, [position, time]) => {
    const index = positionArg(position!, ctx.host.state().queue_length);
    await seekIn(ctx, ctx.host.queue().entries[index]!.entry_id, time!);
  }),
  seekid: command(2, 2, (ctx, [id, time]) => seekIn(ctx, entryId(ctx, id!), time!)),
  seekcur: command(1, 1, async (ctx, [time]) => {
    const { seconds, relative } = secondsArg(time!);
    if (ctx.host.state().status === 'stopped') throw new MpdAck(Ack.PLAYER_SYNC, 'Not playing');
    await dispatch(ctx, { type: 'seek', seconds, mode: relative ? 'relative' : 'absolute' });
  }),
  setvol: command(1, 1, (ctx, [value]) => {
    const volume = integerArg(value!);
    if (volume < 0 || volume > 100) throw new MpdAck(Ack.ARG, 'Invalid volume value');
    return dispatch(ctx, { type: 'volume', value: volume, mode: 'absolute' });
  }),
  volume: command(1, 1, (ctx, [change]) => {
    const delta = integerArg(change!);
    if (delta < -100 || delta > 100) throw new MpdAck(Ack.ARG, 'Invalid volume value');
    return dispatch(ctx, { type: 'volume', value: delta, mode: 'relative' });
  }),
  getvol: command(0, 0, (ctx) => {
    const state = ctx.host.state();
    return `volume: ${state.muted ? 0 : state.volume}\n`;
  }),
  random: command(1, 1, (ctx, [on]) => dispatch(ctx, { type: 'shuffle', on: booleanArg(on!) })),
  repeat: command(1, 1, (ctx, [on]) => {
    const single = ctx.host.state().repeat === 'one';
    return setRepeat(ctx, booleanArg(on!) ? (single ? 'one' : 'all') : 'off');
  }),
  // tunes has no "stop after this song" (MPD's single without repeat): single plays the song on repeat.
  single: command(1, 1, (ctx, [on]) => {
    if (on === 'oneshot') throw new MpdAck(Ack.ARG, 'single oneshot is not supported (tunes repeats one song or none)');
    const repeat = ctx.host.state().repeat;
    return setRepeat(ctx, booleanArg(on!) ? 'one' : repeat === 'one' ? 'all' : repeat);
  }),
  consume: command(1, 1, (_ctx, [on]) => {
    if (on === 'oneshot' || booleanArg(on!)) throw new MpdAck(Ack.ARG, 'consume mode is not supported (tunes keeps played songs in the queue)');
  }),
  crossfade: command(1, 1, (_ctx, [seconds]) => {
    if (integerArg(seconds!) !== 0) throw new MpdAck(Ack.ARG, 'crossfade is not supported (tunes plays gaplessly)');
  }),
  clearerror: command(0, 0, () => undefined),
};

async function dispatch(ctx: MpdContext, playerCommand: PlayerCommand): Promise<void> {
  await ctx.host.dispatch(playerCommand);
}

function setRepeat(ctx: MpdContext, mode: RepeatMode): Promise<void> | undefined {
  return ctx.host.state().repeat === mode ? undefined : dispatch(ctx, { type: 'repeat', mode });
}

/** An MPD song id is a queue entry's id. */
export function entryId(ctx: MpdContext, text: string): number {
  const id = integerArg(text);
  if (!ctx.host.queue().entries.some((entry) => entry.entry_id === id)) throw new MpdAck(Ack.NO_EXIST, 'No such song');
  return id;
}

/** Seeks in the entry, playing it first when it is not the current one. */
async function seekIn(ctx: MpdContext, id: number, time: string): Promise<void> {
  const { seconds } = secondsArg(time);
  if (seconds < 0) throw new MpdAck(Ack.ARG, `Number is negative: ${time}`);
  const state = ctx.host.state();
  const current = ctx.host.queue().entries[state.queue_index];
  if (current?.entry_id !== id || state.status === 'stopped') await dispatch(ctx, { type: 'queue-play', entry_id: id });
  await dispatch(ctx, { type: 'seek', seconds, mode: 'absolute' });
}
