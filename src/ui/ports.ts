import type { User } from '../domain/user.js';
import type { PlayerCommand, QueuePlacement } from '../domain/player-command.js';
import type { Lyrics } from '../domain/lyrics.js';
import type { SongStory } from '../services/song-story/song-story-service.js';
import type { YearStats } from '../domain/year-stats.js';
import type { RowSource } from './data/row-source.js';

/**
 * What the UI needs from the services, in the UI's own words. `connect-services.ts` builds these from
 * the real `Services` container; screens and tests only see this shape.
 */
export interface SongItem {
  id: number;
  title: string;
  artist: string;
  album: string;
  durationMs: number | null;
}

export interface ArtistItem {
  id: number;
  name: string;
  albumCount: number;
  songCount: number;
}

export interface AlbumItem {
  id: number;
  album: string;
  /** The album artist. */
  artist: string;
  year: number | null;
  songCount: number;
}

/** A folder in the Folders view: a library folder or one inside it. */
export interface FolderItem {
  path: string;
  name: string;
  songCount: number;
}

/** What a folder holds, as the Folders view lists it: subfolders first, then its files. */
export type FolderEntryItem = { kind: 'folder'; folder: FolderItem } | { kind: 'file'; name: string; song: SongItem };

export interface UiFolders {
  /** The library folders (no `path`), or what is directly in `path`. */
  entries(path?: string): RowSource<FolderEntryItem>;
  /** Every song under a folder, in natural path order: what adding the folder to a playlist takes. */
  songsUnder(path: string): Promise<SongItem[]>;
}
/** An artist's page: their albums, then a heading, then the albums by others they appear on. */
export type ArtistPageRow = { kind: 'album'; album: AlbumItem } | { kind: 'heading'; text: string };

export interface PlaylistItem {
  id: number;
  name: string;
  songCount: number;
  /** Its songs follow rules (a smart playlist): nothing is added or removed by hand. */
  smart?: boolean;
}

export interface HistoryItem extends SongItem {
  playedAt: string;
}

export interface UiAccount {
  currentUser(): Promise<User>;
  login(username: string, password: string): Promise<User>;
  register(username: string, password: string): Promise<User>;
  /** False on a brand-new install: the first screen then creates an account. */
  hasAccounts(): Promise<boolean>;
}

export interface UiCatalog {
  /** All songs, or the matches of `query` (the same search as `tunes songs <query>`). */
  songs(query?: string): RowSource<SongItem>;
  /** Album artists, by name. */
  artists(): RowSource<ArtistItem>;
  /** Every album, one row per album (title plus album artist), by name. */
  albums(): RowSource<AlbumItem>;
  artistPage(artist: ArtistItem): RowSource<ArtistPageRow>;
  /** An album's songs in disc and track order. */
  albumSongs(album: AlbumItem): RowSource<SongItem>;
  /** Every song on an artist's page, in its order: their albums, then their tracks on others' albums. */
  artistSongs(artist: ArtistItem): RowSource<SongItem>;
}

export interface UiLibrary {
  /** Adds a music folder and scans it, reporting progress; admins only (the service checks). */
  addFolder(path: string, onProgress: (progress: ScanProgress) => void): Promise<ScanResult>;
}

export interface ScanProgress {
  /** 'walking': finding files (total not known yet); 'reading': reading tags. */
  phase: 'walking' | 'reading';
  done: number;
  total: number;
}

export interface ScanResult {
  files: number;
  added: number;
  failed: number;
}

export interface UiPlaylists {
  list(): Promise<PlaylistItem[]>;
  songs(playlist: PlaylistItem): RowSource<SongItem>;
  create(name: string): Promise<PlaylistItem>;
  rename(playlist: PlaylistItem, name: string): Promise<void>;
  remove(playlist: PlaylistItem): Promise<void>;
  addSongs(playlist: PlaylistItem, songIds: number[]): Promise<void>;
  /** `position` is 1-based, as stored. */
  removeAt(playlist: PlaylistItem, position: number): Promise<void>;
  /** 1-based positions. */
  move(playlist: PlaylistItem, from: number, to: number): Promise<void>;
  liked(): RowSource<SongItem>;
  /** Returns whether the song is liked afterwards. */
  toggleLike(songId: number): Promise<boolean>;
}

export type RepeatMode = 'off' | 'all' | 'one';

export interface PlayerStatus {
  song: SongItem | undefined;
  positionMs: number;
  durationMs: number | null;
  paused: boolean;
  /** The queue ended or playback was stopped: the last song stays shown, not as paused. */
  stopped: boolean;
  volume: number;
  muted: boolean;
  shuffle: boolean;
  repeat: RepeatMode;
  /** Goes up whenever the queue's songs or order change (the Queue view reads it again). */
  queueVersion: number;
  /** Where the current song is in the queue (0-based); -1 when none. */
  queueIndex: number;
  /** Set when playback cannot work (mpv missing or died): shown in the bar. */
  problem?: string;
}

/**
 * The background player as the browser uses it: it shows and follows whatever the player does,
 * whoever made it happen (this UI, `tunes next` in another shell, MPRIS, MPD).
 */
export interface UiPlayer {
  /** Replaces the queue with `songs` and plays the one at `index`. */
  playList(songs: RowSource<SongItem>, index: number): Promise<void>;
  /** Any player command (the key table's playback keys). */
  dispatch(command: PlayerCommand): Promise<void>;
  /** Adds songs to the end of the queue or to play next; answers how many. */
  enqueue(songIds: number[], placement: QueuePlacement): Promise<number>;
  status(): PlayerStatus;
  subscribe(listener: () => void): () => void;
  /** Problems playback got past on its own (a file that could not be played and was skipped). */
  onWarning(listener: (message: string) => void): () => void;
  queue(): RowSource<SongItem>;
  /** Plays the queue's song at `index` (0-based, as listed) without changing the queue. */
  jumpInQueue(index: number): Promise<void>;
  /** `index` is 0-based in the queue as listed. */
  removeFromQueue(index: number): Promise<void>;
  moveInQueue(from: number, to: number): Promise<void>;
  clearQueue(): Promise<number>;
  history(): RowSource<HistoryItem>;
}

/** Everything the main screen uses, bound to the logged-in user. (seek-step and volume-step are in the key table.) */
export interface UiServices {
  catalog: UiCatalog;
  folders: UiFolders;
  library: UiLibrary;
  playlists: UiPlaylists;
  player: UiPlayer;
  /** A song's lyrics and whole story (the lyrics and info panes). */
  details: UiSongDetails;
  stats: UiStats;
}

export interface UiStats {
  /** A year's listening (this year when absent; 'all': all time) for the Stats view; rejects with dependency_missing on a remote library. */
  year(year?: number | 'all'): Promise<YearStats>;
}

export interface UiSongDetails {
  /** null: the song has no lyrics. */
  lyrics(songId: number): Promise<Lyrics | null>;
  story(songId: number): Promise<SongStory>;
}

/** The services as the UI first gets them: accounts, and the rest once someone is logged in. */
export interface UiConnection {
  account: UiAccount;
  forUser(user: User): UiServices;
  /** Lets go of the player (the music plays on); called once on quit. */
  shutdown(): Promise<void>;
}
