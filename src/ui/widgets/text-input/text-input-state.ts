/** A one-line editable text: the value and where the cursor sits in it. */
export interface TextInputState {
  value: string;
  cursor: number;
}

export type TextInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'deleteWord' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'set'; value: string };

export const emptyTextInput = (value = ''): TextInputState => ({ value, cursor: value.length });

export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert': {
      // Pasted text may carry newlines or control characters; a one-line field keeps printable text only.
      const text = action.text.replace(/[\u0000-\u001f\u007f]/g, '');
      if (!text) return state;
      return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
    }
    case 'backspace':
      if (cursor === 0) return state;
      return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'deleteWord': {
      const before = value.slice(0, cursor).replace(/\S+\s*$/, '');
      return { value: before + value.slice(cursor), cursor: before.length };
    }
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { value, cursor: 0 };
    case 'end':
      return { value, cursor: value.length };
    case 'set':
      return emptyTextInput(action.value);
  }
}
