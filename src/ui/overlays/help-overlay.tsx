import { Box, Text } from 'ink';
import { useKeyLayer } from '../keys/key-layer.js';
import { useState } from 'react';
import type { KeyTable } from '../../services/keys/key-table.js';
import { useKeys } from '../keys/key-table-context.js';
import { fit } from '../format.js';
import { useTheme } from '../theme.js';

type HelpLine = { kind: 'group'; text: string } | { kind: 'row'; keys: string; description: string };

export function helpLines(table: KeyTable): HelpLine[] {
  return table.help('ui').flatMap((section) => [
    { kind: 'group' as const, text: section.group },
    ...section.rows.map((row) => ({ kind: 'row' as const, ...row })),
  ]);
}

/** Every binding in force (the keys file included), grouped; j/k scroll when it is taller than the screen, any other key closes. */
export function HelpOverlay({ width, height, onClose }: { width: number; height: number; onClose(): void }) {
  const theme = useTheme();
  const lines = helpLines(useKeys().table);
  const body = Math.max(1, height - 2);
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, lines.length - body);
  useKeyLayer((input, key) => {
    if (input === 'j' || key.downArrow) setTop((t) => Math.min(maxTop, t + 1));
    else if (input === 'k' || key.upArrow) setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown || input === ' ') setTop((t) => Math.min(maxTop, t + body));
    else if (key.pageUp) setTop((t) => Math.max(0, t - body));
    else onClose();
  });
  const keysWidth = 16;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent}>
        {fit(`Keys${maxTop > 0 ? '  (j/k scroll, any other key closes)' : '  (any key closes)'}`, width)}
      </Text>
      {lines.slice(top, top + body).map((line, i) =>
        line.kind === 'group' ? (
          <Text key={i} bold underline>
            {line.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            {'  '}
            <Text bold>{fit(line.keys, keysWidth)}</Text> {line.description}
          </Text>
        ),
      )}
    </Box>
  );
}
