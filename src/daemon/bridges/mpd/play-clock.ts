import type { HostState } from '../../../domain/player-state.js';

/** `stats`' uptime and playtime: since the bridge started, and how long music played meanwhile. */
export class PlayClock {
  private readonly startedAt = Date.now();
  private playedMs = 0;
  private playingSince: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  observe(state: HostState): void {
    const playing = state.status === 'playing';
    if (playing && this.playingSince === undefined) this.playingSince = this.now();
    if (!playing && this.playingSince !== undefined) {
      this.playedMs += this.now() - this.playingSince;
      this.playingSince = undefined;
    }
  }

  uptimeSeconds(): number {
    return Math.floor((this.now() - this.startedAt) / 1000);
  }

  playtimeSeconds(): number {
    const running = this.playingSince === undefined ? 0 : this.now() - this.playingSince;
    return Math.floor((this.playedMs + running) / 1000);
  }
}
