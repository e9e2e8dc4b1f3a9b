import type { SongItem } from '../ports.js';

/** At most one overlay is open; while it is, only it receives keys. */
export type Overlay =
  | { kind: 'help' }
  | { kind: 'confirm'; message: string; onYes(): Promise<void> }
  | { kind: 'prompt'; title: string; initial?: string; submit(value: string): Promise<void>; busy?: string; error?: string }
  | { kind: 'picker'; songs: SongItem[] }
  | undefined;
