import type { SubsonicClient } from './client.js';
import type { ShapeContext } from './read-shapes.js';
import type { RemoteIds } from './remote-ids.js';

/** What each remote service is built from: one client (one keep-alive agent), the id table, the shape readers' context. */
export interface RemoteLibraryContext {
  client: SubsonicClient;
  ids: RemoteIds;
  shapes: ShapeContext;
  /** What the server said it is at login (`tunes`, `navidrome`, ...), when it said. */
  serverType?: string | undefined;
}
