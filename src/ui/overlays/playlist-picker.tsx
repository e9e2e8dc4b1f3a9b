import { Box, Text } from 'ink';
import { useKeyLayer } from '../keys/key-layer.js';
import { useReducer } from 'react';
import { fit } from '../format.js';
import type { PlaylistItem } from '../ports.js';
import { useTheme } from '../theme.js';
import { initialListState, listReducer } from '../widgets/list/list-state.js';
import { useKeys } from '../keys/key-table-context.js';
import { keyName } from '../keys/key-name.js';
import { terminalSafe } from '../../text/terminal-safe.js';

export type PickerChoice = { kind: 'playlist'; playlist: PlaylistItem } | { kind: 'new' };

/** Chooses the playlist to add to (smart playlists take no songs by hand); the first entry creates a new one. */
export function PlaylistPicker({ playlists, songTitle, height, width, onPick, onCancel }: {
  playlists: PlaylistItem[];
  songTitle: string;
  height: number;
  width: number;
  onPick(choice: PickerChoice): void;
  onCancel(): void;
}) {
  const theme = useTheme();
  const choices: PickerChoice[] = [{ kind: 'new' }, ...playlists.filter((p) => !p.smart).map((playlist) => ({ kind: 'playlist' as const, playlist }))];
  const rows = Math.max(1, height - 4);
  const [list, dispatch] = useReducer(listReducer, undefined, () => initialListState(rows, choices.length));
  const { table } = useKeys();
  useKeyLayer((input, key) => {
    if (key.escape || input === 'q') return onCancel();
    if (key.return) {
      const choice = choices[list.cursor];
      if (choice) onPick(choice);
      return;
    }
    const action = table.action('ui', keyName(input, key));
    const command = action?.kind === 'app' ? action.id : undefined;
    if (command === 'down') dispatch({ type: 'move', delta: 1 });
    else if (command === 'up') dispatch({ type: 'move', delta: -1 });
    else if (command === 'top') dispatch({ type: 'top' });
    else if (command === 'bottom') dispatch({ type: 'bottom' });
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1} width={Math.min(width, 60)}>
      <Text bold wrap="truncate">Add “{terminalSafe(songTitle)}” to:</Text>
      {choices.slice(list.top, list.top + rows).map((choice, i) => {
        const selected = list.top + i === list.cursor;
        const label = choice.kind === 'new' ? '+ New playlist…' : `${choice.playlist.name} (${choice.playlist.songCount})`;
        return (
          <Text key={i} inverse={selected} color={choice.kind === 'new' ? theme.accent : undefined}>
            {fit(` ${label}`, Math.min(width, 60) - 4)}
          </Text>
        );
      })}
      <Text dimColor>Enter: add    Esc: cancel</Text>
    </Box>
  );
}
