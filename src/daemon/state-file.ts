import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { REPEAT_MODES, type RepeatMode } from '../domain/player-command.js';
import type { SavedPlayback } from '../services/playback/saved-playback.js';

/**
 * The player's saved queue on disk (snake_case JSON, like everything tunes writes). It is written
 * whole to a temporary file, flushed to the disk and renamed over the old one, so a kill -9 or a
 * power cut leaves either the old file or the new one, never half of one.
 */
interface StateFileJson {
  version: 1;
  saved_at: string;
  status: SavedPlayback['status'];
  position_ms: number;
  volume: number;
  muted: boolean;
  shuffle: boolean;
  repeat: RepeatMode;
  current: number;
  entries: Array<{ song_id: number; queued_by: number | null }>;
  play_order?: number[];
}

/** The saved playback, or undefined when there is none; a file that cannot be read is set aside (and said so). */
export function readStateFile(path: string, warn: (message: string) => void): SavedPlayback | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return fromJson(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  } catch (error) {
    const aside = `${path}.unreadable-${Date.now()}`;
    try {
      renameSync(path, aside);
    } catch {
      // leave it; it will be replaced by the next save
    }
    warn(`the saved queue ${path} could not be read (${(error as Error).message}); it was kept as ${aside} and the queue starts empty`);
    return undefined;
  }
}

function fromJson(raw: unknown): SavedPlayback {
  const data = raw as Partial<StateFileJson>;
  if (typeof data !== 'object' || data === null || data.version !== 1 || !Array.isArray(data.entries)) throw new Error('not a tunes player state file');
  const entries = data.entries.map((e) => {
    if (!Number.isSafeInteger(e?.song_id)) throw new Error('an entry has no song id');
    return { songId: e.song_id, queuedBy: Number.isSafeInteger(e.queued_by) ? e.queued_by : null };
  });
  return {
    queue: {
      entries,
      ...(Array.isArray(data.play_order) && data.play_order.every(Number.isSafeInteger) ? { playOrder: data.play_order } : {}),
      current: Number.isSafeInteger(data.current) ? data.current! : -1,
      shuffle: data.shuffle === true,
      repeat: REPEAT_MODES.includes(data.repeat as RepeatMode) ? (data.repeat as RepeatMode) : 'off',
    },
    positionMs: typeof data.position_ms === 'number' && data.position_ms >= 0 ? data.position_ms : 0,
    status: data.status === 'playing' || data.status === 'paused' ? data.status : 'stopped',
    volume: typeof data.volume === 'number' ? data.volume : 100,
    muted: data.muted === true,
  };
}

function toJson(saved: SavedPlayback, now: Date): StateFileJson {
  const { queue } = saved;
  return {
    version: 1,
    saved_at: now.toISOString(),
    status: saved.status,
    position_ms: Math.round(saved.positionMs),
    volume: saved.volume,
    muted: saved.muted,
    shuffle: queue.shuffle,
    repeat: queue.repeat,
    current: queue.current,
    entries: queue.entries.map((e) => ({ song_id: e.songId, queued_by: e.queuedBy })),
    ...(queue.playOrder ? { play_order: queue.playOrder } : {}),
  };
}

/**
 * Saves as things change: at once for the queue, the song, the modes and pause/stop; a position
 * that only moved on is saved at most every `positionEveryMs` (a timer armed by the change, so a
 * paused player does no work). Writes never overlap: one that is asked for meanwhile follows.
 */
export class StateSaver {
  private writing: Promise<void> | undefined;
  private again = false;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly current: () => SavedPlayback,
    private readonly warn: (message: string) => void,
    private readonly positionEveryMs = 5000,
  ) {}

  changed(kind: 'now' | 'position'): void {
    if (kind === 'now') return this.writeSoon();
    if (this.timer) return;
    const wait = Math.max(0, this.lastWrite + this.positionEveryMs - Date.now());
    this.timer = setTimeout(() => this.writeSoon(), wait);
  }

  /** Writes what is current now and waits for it (on the way out). */
  async flush(): Promise<void> {
    this.writeSoon();
    while (this.writing) await this.writing;
  }

  private writeSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing) {
      this.again = true;
      return;
    }
    this.writing = this.write().finally(() => {
      this.writing = undefined;
      if (this.again) {
        this.again = false;
        this.writeSoon();
      }
    });
  }

  private async write(): Promise<void> {
    this.lastWrite = Date.now();
    const draft = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const file = await open(draft, 'w', 0o600);
      try {
        await file.writeFile(`${JSON.stringify(toJson(this.current(), new Date()))}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(draft, this.path);
      await syncFolder(dirname(this.path));
    } catch (error) {
      await unlink(draft).catch(() => undefined);
      this.warn(`could not save the queue to ${this.path}: ${(error as Error).message}`);
    }
  }
}

/** The rename itself reaches the disk only when the folder is flushed (POSIX); not possible everywhere. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Windows cannot open a folder this way; the rename is still atomic there.
  }
}
