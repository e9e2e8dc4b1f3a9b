import { Box, Text } from 'ink';
import { useKeyLayer } from '../keys/key-layer.js';
import { useTheme } from '../theme.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** A yes/no question: y or Enter confirms, n or Esc cancels. */
export function ConfirmOverlay({ message, onYes, onNo }: { message: string; onYes(): void; onNo(): void }) {
  const theme = useTheme();
  useKeyLayer((input, key) => {
    if (input === 'y' || input === 'Y' || key.return) onYes();
    else if (input === 'n' || input === 'N' || key.escape || input === 'q') onNo();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>{terminalSafe(message)}</Text>
      <Text dimColor>y / Enter: yes    n / Esc: no</Text>
    </Box>
  );
}
