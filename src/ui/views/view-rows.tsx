import { terminalSafe } from '../../text/terminal-safe.js';
import type { RowSource } from '../data/row-source.js';
import { counted, fit, formatDuration } from '../format.js';
import type { AlbumItem, ArtistItem, FolderEntryItem, FolderItem, HistoryItem, SongItem, UiServices } from '../ports.js';
import type { View } from '../screens/navigation-state.js';
import { statsSource } from '../data/stats-source.js';

/** One row of the main list, whatever the view. */
export type ListRow =
  | { kind: 'song'; song: SongItem }
  | { kind: 'artist'; artist: ArtistItem }
  | { kind: 'album'; album: AlbumItem }
  | { kind: 'heading'; text: string }
  | { kind: 'played'; song: HistoryItem }
  | { kind: 'folder'; folder: FolderItem }
  /** A song as a folder lists it: under its file name. */
  | { kind: 'file'; name: string; song: SongItem }
  /** A line of text (the Stats view), already made terminal-safe. */
  | { kind: 'line'; text: string };

function mapSource<A>(source: RowSource<A>, wrap: (a: A) => ListRow): RowSource<ListRow> {
  return {
    key: source.key,
    count: () => source.count(),
    rows: async (offset, limit) => (await source.rows(offset, limit)).map(wrap),
    invalidate: () => source.invalidate?.(),
  };
}

/** The rows a view lists, read page by page from the services. */
export function sourceForView(view: View, services: UiServices): RowSource<ListRow> {
  const song = (s: SongItem): ListRow => ({ kind: 'song', song: s });
  switch (view.kind) {
    case 'songs':
      return mapSource(services.catalog.songs(view.query), song);
    case 'artists':
      return mapSource(services.catalog.artists(), (artist) => ({ kind: 'artist', artist }));
    case 'artistAlbums':
      return mapSource(services.catalog.artistPage(view.artist), (row) => row);
    case 'albums':
      return mapSource(services.catalog.albums(), (album) => ({ kind: 'album', album }));
    case 'albumSongs':
      return mapSource(services.catalog.albumSongs(view.album), song);
    case 'liked':
      return mapSource(services.playlists.liked(), song);
    case 'queue':
      return mapSource(services.player.queue(), song);
    case 'history':
      return mapSource(services.player.history(), (played) => ({ kind: 'played', song: played }));
    case 'stats':
      return statsSource(services.stats, view.year);
    case 'playlist':
      return mapSource(services.playlists.songs(view.playlist), song);
    case 'folders':
      return mapSource(services.folders.entries(), (entry: FolderEntryItem): ListRow => entry);
    case 'folder':
      return mapSource(services.folders.entries(view.folder.path), (entry: FolderEntryItem): ListRow => entry);
  }
}

/** The songs of a view, for making it the queue; undefined for views of artists or albums. */
export function songSource(source: RowSource<ListRow>): RowSource<SongItem> {
  return {
    key: source.key,
    count: () => source.count(),
    rows: async (offset, limit) =>
      (await source.rows(offset, limit)).flatMap((row) => (row.kind === 'song' || row.kind === 'played' || row.kind === 'file' ? [row.song] : [])),
    invalidate: () => source.invalidate?.(),
  };
}

export function songOf(row: ListRow | undefined): SongItem | undefined {
  return row && (row.kind === 'song' || row.kind === 'played' || row.kind === 'file') ? row.song : undefined;
}

export function renderListRow(row: ListRow, width: number, playingId: number | undefined): string {
  switch (row.kind) {
    case 'song':
    case 'played':
      return songLine(row.song, width, playingId, row.kind === 'played' ? row.song.playedAt : undefined);
    case 'artist':
      return `${fit(row.artist.name, Math.max(8, width - 26))} ${fit(counted(row.artist.albumCount, 'album'), 10)} ${counted(row.artist.songCount, 'song')}`;
    case 'folder':
      return `▸ ${fit(`${terminalSafe(row.folder.name)}/`, Math.max(8, width - 14))} ${counted(row.folder.songCount, 'song')}`;
    case 'file':
      return fileLine(row.name, row.song, width, playingId);
    case 'line':
      return fit(row.text, width);
    case 'heading':
      return `── ${row.text} ${'─'.repeat(Math.max(0, width - row.text.length - 4))}`;
    case 'album': {
      const { album } = row;
      const label = `${album.album}${album.year ? ` (${album.year})` : ''}`;
      const half = Math.max(8, Math.floor((width - 12) / 2));
      return `${fit(label, half)} ${fit(album.artist, half)} ${counted(album.songCount, 'song')}`;
    }
  }
}

/** A plain string, not nested Text: Ink's cost per frame grows with the number of text nodes. */
function songLine(song: SongItem, width: number, playingId: number | undefined, playedAt?: string): string {
  const marker = song.id === playingId ? '♪ ' : '  ';
  const when = playedAt ? `${localTime(playedAt)} ` : '';
  const rest = width - marker.length - when.length - 7;
  const titleW = Math.max(6, Math.floor(rest * 0.45));
  const artistW = Math.max(4, Math.floor(rest * 0.27));
  const albumW = Math.max(0, rest - titleW - artistW - 2);
  return `${marker}${when}${fit(song.title, titleW)} ${fit(song.artist, artistW)} ${fit(song.album, albumW)} ${formatDuration(song.durationMs).padStart(6)}`;
}

/** A folder's file: its name first (what the folder is in order of), then what it is. */
function fileLine(name: string, song: SongItem, width: number, playingId: number | undefined): string {
  const marker = song.id === playingId ? '♪ ' : '  ';
  const rest = width - marker.length - 7;
  const nameW = Math.max(8, Math.floor(rest * 0.4));
  const titleW = Math.max(4, Math.floor(rest * 0.33));
  const artistW = Math.max(0, rest - nameW - titleW - 2);
  return `${marker}${fit(terminalSafe(name), nameW)} ${fit(terminalSafe(song.title), titleW)} ${fit(terminalSafe(song.artist), artistW)} ${formatDuration(song.durationMs).padStart(6)}`;
}

/** "11-23 22:19" in the machine's time zone (history stores UTC). */
function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
