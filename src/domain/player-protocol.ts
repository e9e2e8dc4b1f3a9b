import type { PlayerCommand } from './player-command.js';
import type { CommandReply, PlayerError, PlayerEvent, PlayerQueue, PlayerState } from './player-state.js';

/**
 * The player's socket protocol: one JSON object per line each way. A client sends requests with an
 * id of its choosing; the player answers each with a reply carrying that id, in order. After a
 * `subscribe` reply (which holds a snapshot) the player pushes events on the same connection, so a
 * subscriber sees every change after the state it started from.
 */
export const PLAYER_PROTOCOL_VERSION = 1;

/** Longest line either side accepts; a client sending more is cut off. */
export const MAX_LINE_BYTES = 1024 * 1024;

export type RequestId = number | string;

export type PlayerRequest =
  | { id: RequestId; method: 'hello' }
  | { id: RequestId; method: 'dispatch'; command: PlayerCommand }
  | { id: RequestId; method: 'state' }
  | { id: RequestId; method: 'queue' }
  | { id: RequestId; method: 'subscribe' }
  | { id: RequestId; method: 'unsubscribe' };

export type PlayerMethod = PlayerRequest['method'];

export interface HelloResult {
  protocol: number;
  pid: number;
}

export interface SubscribeResult {
  state: PlayerState;
}

/** What each method answers with. */
export interface ResultOf {
  hello: HelloResult;
  dispatch: CommandReply;
  state: PlayerState;
  queue: PlayerQueue;
  subscribe: SubscribeResult;
  unsubscribe: Record<string, never>;
}

export type PlayerReply =
  | { id: RequestId | null; ok: true; result: unknown }
  | { id: RequestId | null; ok: false; error: PlayerError };

export interface PlayerPush {
  event: PlayerEvent;
}
