import { Box, Text } from 'ink';
import { TextField } from '../widgets/text-input/text-field.js';
import { useTextField } from '../widgets/text-input/use-text-input.js';
import { useKeyLayer } from '../keys/key-layer.js';
import { useTheme } from '../theme.js';
import { terminalSafe } from '../../text/terminal-safe.js';

export interface TextPromptProps {
  title: string;
  initial?: string;
  error?: string | undefined;
  busy?: string | undefined;
  onSubmit(value: string): void;
  onCancel(): void;
}

/** Asks for one line of text (a playlist name, a folder path). Enter submits, Esc cancels. */
export function TextPromptOverlay({ title, initial = '', error, busy, onSubmit, onCancel }: TextPromptProps) {
  const theme = useTheme();
  const field = useTextField(initial);
  useKeyLayer((input, key) => {
    if (busy) return;
    field.handle(input, key, { onSubmit: (v) => onSubmit(v.trim()), onCancel });
  });
  const { state } = field;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
      <Text bold>{terminalSafe(title)}</Text>
      <Text>
        {'> '}
        <TextField state={state} focused={!busy} />
      </Text>
      {error ? <Text color={theme.error}>{terminalSafe(error)}</Text> : null}
      {busy ? <Text color={theme.accent}>{busy}</Text> : <Text dimColor>Enter: ok    Esc: cancel</Text>}
    </Box>
  );
}
