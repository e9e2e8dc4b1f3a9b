import { Box, Text } from 'ink';
import { fit, formatDuration, formatElapsed, progressBar } from '../format.js';
import { memo, useSyncExternalStore } from 'react';
import type { PlayerStatus, UiPlayer } from '../ports.js';
import { useTheme } from '../theme.js';

/** What the player is doing, as a word beside the icon: a ■ alone says nothing about why. */
function stateWord(status: PlayerStatus): { icon: string; word: string } {
  if (!status.song || status.stopped) return { icon: '■', word: 'stopped' };
  return status.paused ? { icon: '❚❚', word: 'paused' } : { icon: '▶', word: 'playing' };
}

/**
 * Two lines: what is playing, then its state, elapsed / length with a progress bar and the modes.
 * When playback cannot go on (mpv missing or died) the second line says why instead.
 */
export const NowPlayingBar = memo(function NowPlayingBar({ player, width }: { player: UiPlayer; width: number }) {
  const theme = useTheme();
  const status = useSyncExternalStore(player.subscribe, player.status);
  const { song } = status;
  const { icon, word } = stateWord(status);
  const title = song ? `${song.title} — ${song.artist}` : 'Nothing playing';
  const modes = `${status.muted ? 'muted   ' : `vol ${status.volume}%`.padEnd(8)}  ${status.shuffle ? 'shuffle' : '       '}  repeat ${status.repeat}`;
  const times = `${word.padEnd(7)} ${formatElapsed(song ? status.positionMs : null)} / ${formatDuration(song ? (status.durationMs ?? song.durationMs) : null)}`;
  const length = status.durationMs ?? song?.durationMs ?? 0;
  const barWidth = Math.max(4, width - times.length - modes.length - 4);
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text wrap="truncate">
        <Text bold color={theme.accent}>{icon} </Text>
        <Text bold>{fit(title, width - 3)}</Text>
      </Text>
      {status.problem ? (
        <Text wrap="truncate" color={theme.error}>
          {fit(`${word}: ${status.problem}`, width)}
        </Text>
      ) : (
        <Text wrap="truncate">
          {times} <Text color={theme.accent}>{progressBar(length > 0 ? status.positionMs / length : 0, barWidth)}</Text> {modes}
        </Text>
      )}
    </Box>
  );
});
