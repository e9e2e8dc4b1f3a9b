import type { PlayerSettings } from '../../config/player-settings.js';
import type { PlayerHost } from '../../services/playback/player-host.js';
import type { LibraryUpkeep } from '../library-upkeep.js';

/**
 * A protocol the player speaks besides its own socket (MPRIS on D-Bus, the MPD protocol), running
 * inside the player process. A bridge gets the PlayerHost (src/services/playback/player-host.ts):
 * it turns what its clients ask into `host.dispatch(command)` calls, answers queries from
 * `host.state()`, `host.queue()`/`host.queueItems()` and `host.library`, and follows
 * `host.subscribe(...)` events to tell its clients what changed. It never touches mpv, the
 * queue or the database itself.
 */
export interface PlayerBridge {
  /** For the log: "mpris", "mpd". */
  readonly name: string;
  /** Whether to start at all: when configured (mpd-listen set) or possible (a session bus exists). */
  wanted(context: BridgeContext): boolean;
  /** Starts serving; a failure is logged and the player runs on without this bridge. */
  start(host: PlayerHost, context: BridgeContext): Promise<RunningBridge>;
}

export interface BridgeContext {
  settings: PlayerSettings;
  env: NodeJS.ProcessEnv;
  log(message: string): void;
  /**
   * A client of the bridge is connected (an MPD client): it counts as attached, so the player does
   * not end idle under it, until the returned function is called. Optional: tests serve a bridge alone.
   */
  attach?(): () => void;
  /** Scans on request and tells when the library changed (MPD's update and its database idle event). */
  library?: LibraryUpkeep;
}

export interface RunningBridge {
  stop(): Promise<void>;
}
