import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ListState } from './list-state.js';
import { terminalSafe } from '../../../text/terminal-safe.js';

export interface VirtualListProps<Row> {
  state: ListState;
  rowAt(index: number): Row | undefined;
  renderRow(row: Row, selected: boolean, width: number, index: number): ReactNode;
  width: number;
  focused: boolean;
  emptyText: string;
  loading?: boolean;
}

/** Renders only the visible window: `height` lines however many rows the source holds. */
export function VirtualList<Row>({ state, rowAt, renderRow, width, focused, emptyText, loading }: VirtualListProps<Row>) {
  if (state.count === 0) {
    return (
      <Box height={state.height} flexDirection="column">
        <Text dimColor>{loading ? 'loading…' : terminalSafe(emptyText)}</Text>
      </Box>
    );
  }
  const lines: ReactNode[] = [];
  const end = Math.min(state.count, state.top + state.height);
  for (let index = state.top; index < end; index += 1) {
    const row = rowAt(index);
    const selected = index === state.cursor;
    // One Text per row (no Box): fewer layout nodes keep a key press's re-render cheap.
    lines.push(
      row === undefined ? (
        <Text key={index} dimColor>
          ⋯
        </Text>
      ) : (
        <Text key={index} inverse={selected && focused} bold={selected && !focused} wrap="truncate">
          {selected && !focused ? '›' : ' '}
          {renderRow(row, selected, width - 1, index)}
        </Text>
      ),
    );
  }
  return (
    <Box height={state.height} flexDirection="column" overflow="hidden">
      {lines}
    </Box>
  );
}
