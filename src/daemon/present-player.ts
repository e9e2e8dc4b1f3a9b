import type { HostEvent, HostQueue, HostReply, HostState, PlayerEvent, PlayerQueue, PlayerState } from '../domain/player-state.js';
import { presentSong } from '../cli/present/song.js';

/**
 * The player's state, queue and events as the socket carries them: each song as the CLI presents
 * it in every --json output (the HTTP API's fields, then `path`). Its one presenter for songs is the CLI's.
 */
export function wireState(state: HostState): PlayerState {
  return { ...state, song: state.song ? presentSong(state.song) : null };
}

export function wireQueue(queue: HostQueue): PlayerQueue {
  return { ...queue, entries: queue.entries.map((entry) => ({ entry_id: entry.entry_id, song: presentSong(entry.song) })) };
}

export function wireReply(reply: HostReply): { state: PlayerState; count?: number } {
  return { ...reply, state: wireState(reply.state) };
}

export function wireEvent(event: HostEvent): PlayerEvent {
  if (event.type === 'state') return { type: 'state', state: wireState(event.state) };
  if (event.type === 'track') return { ...event, song: presentSong(event.song) };
  return event;
}
