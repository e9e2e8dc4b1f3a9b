import { Box, Text } from 'ink';
import { fit, formatDuration, formatElapsed, progressBar } from '../format.js';
import { memo, useSyncExternalStore } from 'react';
import type { UiPlayer } from '../ports.js';
import { useTheme } from '../theme.js';

/** Two lines: what is playing (or the problem), then elapsed / length with a progress bar and the modes. */
export const NowPlayingBar = memo(function NowPlayingBar({ player, width }: { player: UiPlayer; width: number }) {
  const theme = useTheme();
  const status = useSyncExternalStore(player.subscribe, player.status);
  const { song } = status;
  const state = song && !status.stopped ? (status.paused ? '❚❚' : '▶') : '■';
  const title = song ? `${song.title} — ${song.artist}` : status.problem ?? 'Nothing playing';
  const modes = `${status.muted ? 'muted   ' : `vol ${status.volume}%`.padEnd(8)}  ${status.shuffle ? 'shuffle' : '       '}  repeat ${status.repeat}`;
  const times = `${formatElapsed(song ? status.positionMs : null)} / ${formatDuration(song ? (status.durationMs ?? song.durationMs) : null)}`;
  const length = status.durationMs ?? song?.durationMs ?? 0;
  const barWidth = Math.max(4, width - times.length - modes.length - 4);
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text wrap="truncate" color={status.problem && !song ? theme.error : undefined}>
        <Text bold color={theme.accent}>{state} </Text>
        <Text bold>{fit(title, width - 3)}</Text>
      </Text>
      <Text wrap="truncate">
        {times} <Text color={theme.accent}>{progressBar(length > 0 ? status.positionMs / length : 0, barWidth)}</Text> {modes}
      </Text>
    </Box>
  );
});
