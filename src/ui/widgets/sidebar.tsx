import { Box, Text } from 'ink';
import { memo } from 'react';
import { fit } from '../format.js';
import { useTheme } from '../theme.js';
import type { SidebarEntry } from '../screens/navigation-state.js';

export interface SidebarProps {
  entries: SidebarEntry[];
  selected: number;
  focused: boolean;
  width: number;
  height: number;
}

/** Sections, a rule, then the user's playlists; scrolls to keep the selection visible. */
export const Sidebar = memo(function Sidebar({ entries, selected, focused, width, height }: SidebarProps) {
  const theme = useTheme();
  const top = Math.max(0, Math.min(selected - height + 1, entries.length - height));
  const visible = entries.slice(Math.max(0, top), Math.max(0, top) + height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {visible.map((entry, i) => {
        const index = Math.max(0, top) + i;
        const isSelected = index === selected;
        const marker = entry.view.kind !== 'playlist' ? '' : entry.view.playlist.smart ? '✦ ' : '♪ ';
        const label = fit(`${marker}${entry.label}`, width - 2);
        return (
          <Text key={`${index}-${entry.label}`} inverse={isSelected && focused} bold={isSelected} color={isSelected ? theme.accent : undefined}>
            {isSelected && !focused ? '›' : ' '}
            {label}
          </Text>
        );
      })}
    </Box>
  );
});
