import { Text } from 'ink';
import type { TextInputState } from './text-input-state.js';
import { terminalSafe } from '../../../text/terminal-safe.js';

/** Renders a text field's value with a visible cursor; `mask` hides what was typed (passwords). */
export function TextField({ state, focused, mask, placeholder }: { state: TextInputState; focused: boolean; mask?: boolean; placeholder?: string }) {
  // terminalSafe swaps one character for one, so the cursor's index still fits.
  const shown = mask ? '•'.repeat(state.value.length) : terminalSafe(state.value);
  if (!shown && placeholder && !focused) return <Text dimColor>{placeholder}</Text>;
  if (!focused) return <Text>{shown}</Text>;
  const at = shown.slice(state.cursor, state.cursor + 1) || ' ';
  return (
    <Text>
      {shown.slice(0, state.cursor)}
      <Text inverse>{at}</Text>
      {shown.slice(state.cursor + 1)}
    </Text>
  );
}
