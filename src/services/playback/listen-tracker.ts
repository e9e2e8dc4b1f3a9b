/**
 * Counts how much of a song was actually heard, from mpv's time-pos updates: forward steps add up,
 * pauses add nothing, and a seek breaks the chain so skipping ahead does not count as listening.
 */
export class ListenTracker {
  private last: number | undefined;
  private heardMs = 0;
  /** What mpv says once the file is open; more exact than the catalogue's figure. */
  private decodedSeconds: number | undefined;

  constructor(
    readonly key: number,
    readonly songId: number,
    readonly durationMs: number | null,
    readonly startedAt: Date,
    /** Whose history the listen goes into; nobody's (null) when nobody was logged in. */
    readonly userId: number | null = null,
  ) {}

  duration(seconds: number | null): void {
    if (seconds !== null && seconds > 0) this.decodedSeconds = seconds;
  }

  /** Never more than the song's length: a looped song (repeat one) is heard once per listen. */
  get msPlayed(): number {
    const lengthMs = this.decodedSeconds !== undefined ? this.decodedSeconds * 1000 : this.durationMs;
    return Math.round(lengthMs === null ? this.heardMs : Math.min(this.heardMs, lengthMs));
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

  /**
   * mpv reports the end of a file once the last of it is decoded, before the audio buffered from
   * it has been heard; reaching the end means that tail plays, so it counts.
   */
  reachedEnd(): void {
    const end = this.decodedSeconds ?? (this.durationMs === null ? undefined : this.durationMs / 1000);
    if (this.last === undefined || end === undefined || end <= this.last) return;
    if (end - this.last < MAX_STEP_SECONDS) this.heardMs += (end - this.last) * 1000;
    this.last = end;
  }
}

const MAX_STEP_SECONDS = 2;
