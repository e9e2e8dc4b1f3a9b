import type { Song } from '../../domain/song.js';
import type { Clock } from '../clock.js';
import type { HistoryService } from '../history/history-service.js';
import { ListenTracker } from './listen-tracker.js';

/** The listen in progress and its way into history, for the account that queued the song. */
export class ListenLog {
  private tracker: ListenTracker | undefined;
  /** A listen cut off (its server went away): it carries on if that entry resumes, else it is dropped. */
  private suspended: ListenTracker | undefined;

  constructor(
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly warn: (message: string) => void,
  ) {}

  get current(): ListenTracker | undefined {
    return this.tracker;
  }

  /** A song started: the previous listen ends, unless this is that same entry carrying on (reloaded after mpv died). */
  async begin(key: number, song: Song, userId: number | null, carryOn: boolean): Promise<void> {
    if (carryOn && this.tracker?.key === key) return;
    const cutOff = this.suspended;
    await this.end();
    if (carryOn && cutOff?.key === key) {
      this.tracker = cutOff;
      return;
    }
    this.tracker = new ListenTracker(key, song.id, song.duration_ms, this.clock.now(), userId);
  }

  /** Sets the listen aside unrecorded: a cut-off song is not counted unless it is resumed and heard. */
  suspend(): void {
    this.suspended = this.tracker;
    this.tracker = undefined;
  }

  /** Records the listen (when it was long enough, and someone was logged in) and forgets it. */
  async end(): Promise<void> {
    const done = this.tracker;
    this.tracker = undefined;
    this.suspended = undefined;
    if (!done || done.userId === null) return;
    try {
      await this.history.recordListen({
        userId: done.userId,
        songId: done.songId,
        startedAt: done.startedAt,
        msPlayed: done.msPlayed,
        durationMs: done.durationMs,
      });
    } catch (e) {
      this.warn(`could not save listening history: ${(e as Error).message}`);
    }
  }
}
