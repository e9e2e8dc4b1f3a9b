import { describe, expect, it } from 'vitest';
import { emptyTextInput, textInputReducer, type TextInputAction } from '../../../src/ui/widgets/text-input/text-input-state.js';

const run = (...actions: TextInputAction[]) => actions.reduce(textInputReducer, emptyTextInput());

describe('text input reducer', () => {
  it('inserts at the cursor, moves and deletes', () => {
    expect(run({ type: 'insert', text: 'helo' }, { type: 'left' }, { type: 'insert', text: 'l' })).toEqual({ value: 'hello', cursor: 4 });
    expect(run({ type: 'insert', text: 'ab' }, { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' })).toEqual({ value: '', cursor: 0 });
    expect(run({ type: 'insert', text: 'ab' }, { type: 'home' }, { type: 'right' }, { type: 'end' })).toEqual({ value: 'ab', cursor: 2 });
  });

  it('drops control characters from pasted text and deletes words', () => {
    expect(run({ type: 'insert', text: 'a\tb\r\nc\u007f' })).toEqual({ value: 'abc', cursor: 3 });
    expect(run({ type: 'insert', text: 'road trip ' }, { type: 'deleteWord' })).toEqual({ value: 'road ', cursor: 5 });
  });
});
