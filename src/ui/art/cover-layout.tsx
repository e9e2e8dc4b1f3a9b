import { Box, Text } from 'ink';
import { memo, useSyncExternalStore } from 'react';
import { counted, fit } from '../format.js';
import type { AlbumItem, UiPlayer } from '../ports.js';
import { useTheme } from '../theme.js';
import { NowPlayingBar } from '../widgets/now-playing-bar.js';
import { CoverArtBox } from './cover-art.js';

export interface CoverLayout {
  /** Cells of a cover: rows, and twice as many columns (a cell is about twice as tall as wide). */
  coverRows: number;
  coverColumns: number;
  /** Lines the now-playing area takes. */
  nowPlayingRows: number;
}

const NO_COVERS: CoverLayout = { coverRows: 0, coverColumns: 0, nowPlayingRows: 2 };

/**
 * Covers when art is on and the terminal has room (60x20 up): 6 lines, 8 on a terminal of 40 lines
 * or more; else the two-line bar. `height` is the frame's, one line less than the terminal's.
 */
export function coverLayout(artShown: boolean, columns: number, height: number): CoverLayout {
  if (!artShown || columns < 60 || height < 19) return NO_COVERS;
  const coverRows = height >= 39 ? 8 : 6;
  return { coverRows, coverColumns: coverRows * 2, nowPlayingRows: coverRows };
}

/** The now-playing area with the playing song's cover at its left (Spotify's and spotify_player's place for it). */
export const NowPlayingArea = memo(function NowPlayingArea({ player, layout, width, row }: { player: UiPlayer; layout: CoverLayout; width: number; row: number }) {
  const theme = useTheme();
  const song = useSyncExternalStore(player.subscribe, () => player.status().song);
  const textWidth = width - layout.coverColumns - 1;
  return (
    <Box flexDirection="row" width={width} height={layout.nowPlayingRows}>
      {song ? (
        <CoverArtBox target={{ songId: song.id }} columns={layout.coverColumns} rows={layout.coverRows} row={row} column={0} />
      ) : (
        <Box width={layout.coverColumns} height={layout.coverRows} flexShrink={0} />
      )}
      <Box flexDirection="column" marginLeft={1} width={textWidth} justifyContent="flex-end">
        {song?.album ? <Text color={theme.muted} wrap="truncate">{fit(song.album, textWidth)}</Text> : null}
        <NowPlayingBar player={player} width={textWidth} />
      </Box>
    </Box>
  );
});

/** An album's page starts with its cover beside its title, artist, year and length, then a blank line. */
export function AlbumHeader({ album, layout, width, row, column }: { album: AlbumItem; layout: CoverLayout; width: number; row: number; column: number }) {
  const theme = useTheme();
  const textWidth = Math.max(1, width - layout.coverColumns - 1);
  const facts = [album.year ? String(album.year) : '', counted(album.songCount, 'song')].filter(Boolean).join(' · ');
  return (
    <Box flexDirection="row" width={width} height={layout.coverRows} marginBottom={1} flexShrink={0}>
      <CoverArtBox target={{ albumId: album.id }} columns={layout.coverColumns} rows={layout.coverRows} row={row} column={column} />
      <Box flexDirection="column" marginLeft={1} width={textWidth} justifyContent="flex-end">
        <Text bold wrap="truncate">{fit(album.album, textWidth)}</Text>
        <Text wrap="truncate">{fit(album.artist, textWidth)}</Text>
        <Text color={theme.muted} wrap="truncate">{fit(facts, textWidth)}</Text>
      </Box>
    </Box>
  );
}
