import type { SongItem } from '../ports.js';

/** At most one overlay is open; while it is, only it receives keys. */
export type Overlay =
  | { kind: 'help' }
  | { kind: 'confirm'; message: string; onYes(): Promise<void> }
  | { kind: 'prompt'; title: string; initial?: string; submit(value: string): Promise<void>; busy?: string; error?: string }
  /** `label`: what is being added, when not the first song's title (a folder). */
  | { kind: 'picker'; songs: SongItem[]; label?: string }
  /** The playing song's lyrics, following playback. */
  | { kind: 'lyrics' }
  /** Everything about one song. */
  | { kind: 'info'; songId: number }
  | undefined;
