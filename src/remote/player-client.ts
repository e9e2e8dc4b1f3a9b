import { connect, type Socket } from 'node:net';
import type { PlayerCommand } from '../domain/player-command.js';
import { MAX_LINE_BYTES, type PlayerMethod, type PlayerReply, type ResultOf } from '../domain/player-protocol.js';
import type { CommandReply, PlayerEvent, PlayerQueue, PlayerState } from '../domain/player-state.js';
import { TunesError, errorCodeOf } from '../errors.js';
import { LineSplitter } from '../text/line-splitter.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * One connection to the background player (the CLI's player commands, `tunes play`, the
 * full-screen browser). Requests are answered in order; after `subscribe`, events arrive on the
 * same connection. A reply's error becomes the TunesError it was in the player.
 */
export class PlayerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: PlayerEvent) => void>();
  private readonly closeListeners = new Set<() => void>();
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    const lines = new LineSplitter((line) => this.receive(line), MAX_LINE_BYTES * 16, () => socket.destroy());
    socket.on('data', (chunk: string) => lines.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => this.markClosed());
  }

  /** Connects to the player at `socketPath`; undefined when no player is running there (or a dead one left its socket). */
  static connect(socketPath: string): Promise<PlayerClient | undefined> {
    return new Promise((resolve, reject) => {
      const socket = connect(socketPath);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        resolve(new PlayerClient(socket));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTDIR') resolve(undefined);
        else reject(new TunesError('io', `cannot reach the player at ${socketPath}: ${error.message}`));
      });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  request<M extends PlayerMethod>(method: M, fields: Record<string, unknown> = {}): Promise<ResultOf[M]> {
    if (this.closed) return Promise.reject(goneError());
    const id = this.nextId++;
    return new Promise<ResultOf[M]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(`${JSON.stringify({ id, method, ...fields })}\n`);
    });
  }

  dispatch(command: PlayerCommand): Promise<CommandReply> {
    return this.request('dispatch', { command });
  }

  state(): Promise<PlayerState> {
    return this.request('state');
  }

  queue(): Promise<PlayerQueue> {
    return this.request('queue');
  }

  /** Events from now on go to `listener`; resolves with the state they start from. */
  async subscribe(listener: (event: PlayerEvent) => void): Promise<PlayerState> {
    this.eventListeners.add(listener);
    return (await this.request('subscribe')).state;
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
    this.markClosed();
  }

  private receive(line: string): void {
    let message: PlayerReply | { event: PlayerEvent };
    try {
      message = JSON.parse(line) as PlayerReply | { event: PlayerEvent };
    } catch {
      return;
    }
    if ('event' in message) {
      for (const listener of this.eventListeners) listener(message.event);
      return;
    }
    const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!waiting || typeof message.id !== 'number') return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new TunesError(errorCodeOf(message.error.code), message.error.message, message.error.hint));
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, waiting] of this.pending) waiting.reject(goneError());
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
  }
}

function goneError(): TunesError {
  return new TunesError('io', 'the player went away before answering');
}
