import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { TextField } from './text-input/text-field.js';
import { useTextInput } from './text-input/use-text-input.js';

/** The `/` search line: every edit searches again; Enter keeps the results, Esc leaves search. */
export function SearchBox({ width, onChange, onSubmit, onCancel }: {
  width: number;
  onChange(query: string): void;
  onSubmit(query: string): void;
  onCancel(): void;
}) {
  const theme = useTheme();
  const state = useTextInput('', true, { onChange: (v) => onChange(v.trim()), onSubmit, onCancel });
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>/ </Text>
      <TextField state={state} focused />
      <Text dimColor>{' '.repeat(Math.max(1, width - state.value.length - 30))}Enter keep · Esc leave</Text>
    </Text>
  );
}
