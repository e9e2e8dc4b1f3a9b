import type { PlayerCommand } from '../domain/player-command.js';
import type { CommandReply, PlayerEvent, PlayerQueue, PlayerState } from '../domain/player-state.js';
import type { PlayerClient } from './player-client.js';

/**
 * A lasting attachment to the player for a client that stays (the full-screen browser): it keeps
 * the latest state, hands every event on, and when the player goes away (`tunes player quit`
 * elsewhere) says so in the state and connects again, starting a player, on the next command.
 */
export class PlayerLink {
  private current: PlayerClient | undefined;
  private connecting: Promise<PlayerClient> | undefined;
  private readonly listeners = new Set<(event: PlayerEvent) => void>();
  private latest: PlayerState;

  constructor(
    private readonly open: () => Promise<PlayerClient>,
    initial: PlayerState,
  ) {
    this.latest = initial;
  }

  /** Connects (starting the player when needed) and follows it; resolves once the first state is in. */
  async attach(): Promise<void> {
    await this.client();
  }

  get state(): PlayerState {
    return this.latest;
  }

  onEvent(listener: (event: PlayerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispatch(command: PlayerCommand): Promise<CommandReply> {
    return (await this.client()).dispatch(command);
  }

  async queue(): Promise<PlayerQueue> {
    return (await this.client()).queue();
  }

  close(): void {
    const client = this.current;
    this.current = undefined;
    client?.close();
  }

  private client(): Promise<PlayerClient> {
    if (this.current && !this.current.isClosed) return Promise.resolve(this.current);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<PlayerClient> {
    const client = await this.open();
    client.onClose(() => {
      if (this.current !== client) return;
      this.current = undefined;
      this.emit({ type: 'state', state: { ...this.latest, status: 'stopped', problem: 'the background player ended; the next command starts it again' } });
    });
    const state = await client.subscribe((event) => this.emit(event));
    this.current = client;
    this.emit({ type: 'state', state });
    return client;
  }

  private emit(event: PlayerEvent): void {
    if (event.type === 'state') this.latest = event.state;
    for (const listener of this.listeners) listener(event);
  }
}
