import type { Album, AlbumDetail, Artist, ArtistDetail } from '../../domain/album.js';
import type { Song } from '../../domain/song.js';
import { lengthClock } from '../../text/clock-time.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { fitCells as fit } from '../../text/terminal-cells.js';

type Column = { title: string; cells: string[]; align?: 'right'; flex?: number };

/** A table whose flexible columns share what the terminal width leaves; tag text made safe for a terminal. */
function table(columns: Column[], width: number): string {
  const fixed = columns.filter((c) => c.flex === undefined).map((c) => Math.max(c.title.length, ...c.cells.map((x) => x.length)));
  const gaps = 2 * (columns.length - 1);
  const flexTotal = columns.reduce((n, c) => n + (c.flex ?? 0), 0);
  const room = Math.max(20, width - fixed.reduce((a, b) => a + b, 0) - gaps);
  let f = 0;
  const widths = columns.map((c) => (c.flex === undefined ? fixed[f++]! : Math.max(6, Math.floor((room * c.flex) / flexTotal))));
  const line = (cell: (c: Column) => string) =>
    columns.map((c, i) => (c.align === 'right' ? cell(c).padStart(widths[i]!) : fit(cell(c), widths[i]!))).join('  ').trimEnd();
  const rows = columns[0]?.cells.map((_, r) => line((c) => c.cells[r] ?? '')) ?? [];
  return [line((c) => c.title), ...rows].join('\n');
}

const safe = (text: string | null | undefined) => terminalSafe(text ?? '');

export function renderAlbumTable(albums: readonly Album[], width: number): string {
  return table([
    { title: 'ID', cells: albums.map((a) => String(a.id)), align: 'right' },
    { title: 'ALBUM', cells: albums.map((a) => safe(a.title)), flex: 5 },
    { title: 'ARTIST', cells: albums.map((a) => safe(a.artist)), flex: 4 },
    { title: 'YEAR', cells: albums.map((a) => (a.year === null ? '' : String(a.year))) },
    { title: 'SONGS', cells: albums.map((a) => String(a.song_count)), align: 'right' },
    { title: 'LENGTH', cells: albums.map((a) => lengthClock(a.duration_ms, '')), align: 'right' },
  ], width);
}

export function renderArtistTable(artists: readonly Artist[], width: number): string {
  return table([
    { title: 'ID', cells: artists.map((a) => String(a.id)), align: 'right' },
    { title: 'ARTIST', cells: artists.map((a) => safe(a.name)), flex: 1 },
    { title: 'ALBUMS', cells: artists.map((a) => String(a.album_count)), align: 'right' },
    { title: 'SONGS', cells: artists.map((a) => String(a.song_count)), align: 'right' },
  ], width);
}

/** An album's songs in order: disc-track, id, title, track artist, length. */
export function renderTrackTable(songs: readonly Song[], width: number): string {
  const place = (s: Song) => `${s.disc_no === null ? '' : `${s.disc_no}-`}${s.track_no === null ? '' : String(s.track_no).padStart(2, '0')}`;
  return table([
    { title: '#', cells: songs.map(place), align: 'right' },
    { title: 'ID', cells: songs.map((s) => String(s.id)), align: 'right' },
    { title: 'TITLE', cells: songs.map((s) => safe(s.title)), flex: 3 },
    { title: 'ARTIST', cells: songs.map((s) => safe(s.artist)), flex: 2 },
    { title: 'LENGTH', cells: songs.map((s) => lengthClock(s.duration_ms, '')), align: 'right' },
  ], width);
}

export function albumHeading(album: Album): string {
  const year = album.year === null ? '' : ` (${album.year})`;
  const count = `${album.song_count} ${album.song_count === 1 ? 'song' : 'songs'}, ${lengthClock(album.duration_ms)}`;
  return `${safe(album.title)} — ${safe(album.artist)}${year}  [album ${album.id}${album.compilation ? ', compilation' : ''}; ${count}${album.has_cover ? '; has a cover' : ''}]`;
}

export function renderAlbumDetail({ album, songs }: AlbumDetail, width: number): string {
  return `${albumHeading(album)}\n\n${renderTrackTable(songs, width)}`;
}

export function renderArtistDetail({ artist, albums, appears_on }: ArtistDetail, width: number): string {
  const parts = [`${safe(artist.name)}  [artist ${artist.id}]`];
  parts.push(albums.length > 0 ? `\nAlbums\n${renderAlbumTable(albums, width)}` : '\nNo albums of their own.');
  if (appears_on.length > 0) {
    parts.push(`\nAppears on\n${renderAlbumTable(appears_on.map((a) => a.album), width)}`);
    for (const { album, songs } of appears_on) parts.push(`\n${albumHeading(album)}\n${renderTrackTable(songs, width)}`);
  }
  return parts.join('\n');
}
