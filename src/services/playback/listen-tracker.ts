/**
 * Counts how much of a song was actually heard, from mpv's time-pos updates: forward steps add up,
 * pauses add nothing, and a seek breaks the chain so skipping ahead does not count as listening.
 */
export class ListenTracker {
  private last: number | undefined;
  private heardMs = 0;

  constructor(
    readonly key: number,
    readonly songId: number,
    readonly durationMs: number | null,
    readonly startedAt: Date,
  ) {}

  get msPlayed(): number {
    return Math.round(this.heardMs);
  }

  position(seconds: number | null): void {
    if (seconds === null) return;
    if (this.last !== undefined) {
      const step = seconds - this.last;
      // Updates come many times a second; a bigger jump is a seek whose event we have not seen yet.
      if (step > 0 && step < MAX_STEP_SECONDS) this.heardMs += step * 1000;
    }
    this.last = seconds;
  }

  seeked(): void {
    this.last = undefined;
  }
}

const MAX_STEP_SECONDS = 2;
