import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { TextField } from './text-input/text-field.js';
import type { TextInputState } from './text-input/text-input-state.js';

/** The `/` search line (its keys are handled by the main screen): results follow every edit. */
export function SearchBox({ width, state }: { width: number; state: TextInputState }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>/ </Text>
      <TextField state={state} focused />
      <Text dimColor>{' '.repeat(Math.max(1, width - state.value.length - 30))}Enter keep · Esc leave</Text>
    </Text>
  );
}
