import { describe, expect, it } from 'vitest';
import { initialListState, listReducer, type ListAction, type ListState } from '../../../src/ui/widgets/list/list-state.js';

const run = (state: ListState, ...actions: ListAction[]) => actions.reduce(listReducer, state);

describe('list reducer', () => {
  it('moves the cursor and scrolls only when it leaves the window', () => {
    const start = initialListState(10, 1_000_000);
    const down5 = run(start, ...Array.from({ length: 5 }, () => ({ type: 'move', delta: 1 }) as const));
    expect(down5).toMatchObject({ cursor: 5, top: 0 });
    const down12 = run(down5, { type: 'move', delta: 7 });
    expect(down12).toMatchObject({ cursor: 12, top: 3 });
    expect(run(down12, { type: 'move', delta: -10 })).toMatchObject({ cursor: 2, top: 2 });
  });

  it('clamps at both ends and jumps top/bottom over a million rows', () => {
    const state = initialListState(10, 1_000_000);
    expect(run(state, { type: 'move', delta: -1 })).toBe(state);
    expect(run(state, { type: 'bottom' })).toMatchObject({ cursor: 999_999, top: 999_990 });
    expect(run(state, { type: 'bottom' }, { type: 'move', delta: 5 })).toMatchObject({ cursor: 999_999 });
    expect(run(state, { type: 'bottom' }, { type: 'top' })).toMatchObject({ cursor: 0, top: 0 });
  });

  it('pages by a window less one row, keeping context', () => {
    const state = initialListState(10, 100);
    const paged = run(state, { type: 'page', direction: 1 });
    expect(paged).toMatchObject({ cursor: 9, top: 9 });
    expect(run(paged, { type: 'page', direction: 1 })).toMatchObject({ cursor: 18, top: 18 });
    expect(run(paged, { type: 'page', direction: -1 })).toMatchObject({ cursor: 0, top: 0 });
  });

  it('keeps the cursor inside a shrinking list and a resized window', () => {
    const state = run(initialListState(10, 100), { type: 'select', index: 50 });
    expect(run(state, { type: 'count', count: 20 })).toMatchObject({ cursor: 19, top: 10 });
    expect(run(state, { type: 'count', count: 0 })).toMatchObject({ cursor: 0, top: 0 });
    expect(run(state, { type: 'resize', height: 3 })).toMatchObject({ cursor: 50, top: 48, height: 3 });
  });
});
