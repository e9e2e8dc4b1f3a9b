import type { LibraryTotals } from '../../../domain/tag-query.js';
import type { PlayerHost } from '../../../services/playback/player-host.js';
import type { LibraryUpkeep } from '../../library-upkeep.js';
import type { LibraryUris } from './library-uris.js';
import type { PlayClock } from './play-clock.js';
import type { QueueVersions } from './queue-versions.js';
import type { TagMask } from './song-lines.js';

/** What a command handler works with: the player, the library's URIs, and its connection's settings. */
export interface MpdContext {
  host: PlayerHost;
  /** The library folders as top-level directories (read once per command). */
  uris(): Promise<LibraryUris>;
  /** The tags this connection wants in song replies. */
  tags: TagMask;
  versions: QueueVersions;
  clock: PlayClock;
  /** The library's totals for `stats`, kept a minute (each is a walk of an index: ~0.5 s at 1M songs). */
  totals(): Promise<LibraryTotals>;
  /** Scans on `update`; none where the player cannot scan (tests serving the bridge alone). */
  library?: LibraryUpkeep | undefined;
  /** The largest binary chunk this connection accepts (`binarylimit`). */
  binaryLimit: number;
}

/** Answers with the reply's lines (each ending in "\n"), or nothing; throws an MpdAck to fail. */
export type CommandHandler = (ctx: MpdContext, args: string[]) => Promise<string | void> | string | void;

export interface CommandSpec {
  /** How many arguments it takes; `max` -1: no limit. */
  min: number;
  max: number;
  run: CommandHandler;
}

export const command = (min: number, max: number, run: CommandHandler): CommandSpec => ({ min, max, run });
