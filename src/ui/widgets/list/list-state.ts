/** The scroll state of a virtualized list: which row is selected and which window of rows is visible. */
export interface ListState {
  count: number;
  cursor: number;
  /** Index of the first visible row. */
  top: number;
  /** Visible rows. */
  height: number;
}

export type ListAction =
  | { type: 'move'; delta: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'select'; index: number }
  | { type: 'resize'; height: number }
  | { type: 'count'; count: number };

export function initialListState(height: number, count = 0): ListState {
  return { count, cursor: 0, top: 0, height: Math.max(1, height) };
}

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return withCursor(state, state.cursor + action.delta);
    case 'top':
      return withCursor(state, 0);
    case 'bottom':
      return withCursor(state, state.count - 1);
    case 'page':
      return withCursor(state, state.cursor + action.direction * Math.max(1, state.height - 1), action.direction);
    case 'select':
      return withCursor(state, action.index);
    case 'resize':
      return withCursor({ ...state, height: Math.max(1, action.height) }, state.cursor);
    case 'count':
      return withCursor({ ...state, count: Math.max(0, action.count) }, state.cursor);
  }
}

/** Clamps the cursor and scrolls just enough to keep it visible (a page jump scrolls a whole page). */
function withCursor(state: ListState, wanted: number, page?: 1 | -1): ListState {
  const { count, height } = state;
  const cursor = count === 0 ? 0 : Math.min(count - 1, Math.max(0, wanted));
  let top = state.top;
  if (page === 1) top = state.top + height - 1;
  if (page === -1) top = state.top - (height - 1);
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  top = Math.max(0, Math.min(top, Math.max(0, count - height)));
  if (cursor === state.cursor && top === state.top && state.count === count) return state;
  return { ...state, cursor, top };
}
