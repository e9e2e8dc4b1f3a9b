import type { Key } from 'ink';
import { useCallback, useRef, useState } from 'react';
import { emptyTextInput, textInputReducer, type TextInputAction, type TextInputState } from './text-input-state.js';

/** Maps a key press to an edit, or undefined when the key is not an edit (Enter, Esc, Tab, arrows up/down). */
export function textEditFor(input: string, key: Key): TextInputAction | undefined {
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'end' };
  if (key.ctrl && input === 'w') return { type: 'deleteWord' };
  if (key.ctrl && input === 'u') return { type: 'set', value: '' };
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow) return undefined;
  if (key.pageUp || key.pageDown) return undefined;
  return input ? { type: 'insert', text: input } : undefined;
}

export interface TextInputHandlers {
  onSubmit?(value: string): void;
  onCancel?(): void;
  onChange?(value: string): void;
  /** Keys that are not edits (Tab, ↑/↓) for the owner to use. */
  onOtherKey?(input: string, key: Key): void;
}

export interface TextField {
  state: TextInputState;
  /** Current value, up to date even before React re-renders. */
  value(): string;
  /** Applies a key press: an edit, or a call to the matching handler. */
  handle(input: string, key: Key, handlers: TextInputHandlers): void;
  reset(value?: string): void;
}

/**
 * A text field's state without its own input listener, for screens with several fields that route
 * keys themselves. The value lives in a ref too: keys typed faster than React re-renders must each
 * see the previous edit.
 */
export function useTextField(initial = ''): TextField {
  const current = useRef<TextInputState>(emptyTextInput(initial));
  const [state, setState] = useState(current.current);
  const handle = useCallback((input: string, key: Key, handlers: TextInputHandlers) => {
    const before = current.current;
    if (key.return) return handlers.onSubmit?.(before.value);
    if (key.escape) return handlers.onCancel?.();
    const edit = textEditFor(input, key);
    if (!edit) return handlers.onOtherKey?.(input, key);
    const next = textInputReducer(before, edit);
    current.current = next;
    setState(next);
    if (next.value !== before.value) handlers.onChange?.(next.value);
  }, []);
  const reset = useCallback((value = '') => {
    current.current = emptyTextInput(value);
    setState(current.current);
  }, []);
  return { state, value: () => current.current.value, handle, reset };
}
