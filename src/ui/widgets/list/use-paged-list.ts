import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { PAGE_SIZE, PageCache, pagesFor, type RowSource } from '../../data/row-source.js';
import { initialListState, listReducer, type ListAction, type ListState } from './list-state.js';

export interface PagedList<Row> {
  state: ListState;
  dispatch: (action: ListAction) => void;
  rowAt(index: number): Row | undefined;
  selected: Row | undefined;
  /** True until the first page (or the count) of the current source is known. */
  loading: boolean;
  /** True while the list only knows "at least this many" (a search still paging in). */
  countIsEstimate: boolean;
  /** Reload count and pages (after an edit), keeping the cursor where it is. */
  refresh(): void;
  error: string | undefined;
}

/**
 * Holds a list's cursor and the pages around it. Pages load as the window moves; a new `source.key`
 * starts over at the top. Rows of a stale source that arrive late are dropped.
 */
/** `startAt`: where the cursor goes once a new source has rows (going back to a list). */
export function usePagedList<Row>(source: RowSource<Row> | undefined, height: number, startAt = 0): PagedList<Row> {
  const [state, dispatch] = useReducer(listReducer, height, (h) => initialListState(h));
  const cache = useRef(new PageCache<Row>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const countKnown = useRef(false);
  const provisional = useRef(0);
  const hasMore = useRef(false);
  const wanted = useRef(startAt);
  const [loaded, setLoaded] = useState(0);
  // The source whose first rows (or count) have arrived; anything else is still loading.
  const [loadedFor, setLoadedFor] = useState<string>();
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<string>();

  const fail = useCallback((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)), []);

  const loadPage = useCallback(
    (page: number, gen: number): Promise<void> => {
      if (!source || inflight.current.has(page)) return Promise.resolve();
      inflight.current.add(page);
      return source.rows(page * PAGE_SIZE, PAGE_SIZE).then(
        (rows) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          cache.current.set(page, rows);
          if (page === 0) setLoadedFor(source.key);
          if (!countKnown.current) {
            // Until (or unless) the count is known, the list reaches one row past what has loaded
            // while the last page was full; showing that row loads the next page.
            const reach = page * PAGE_SIZE + rows.length + (rows.length === PAGE_SIZE ? 1 : 0);
            if (reach > provisional.current || rows.length < PAGE_SIZE) {
              provisional.current = Math.max(reach, rows.length < PAGE_SIZE ? 0 : provisional.current);
              hasMore.current = rows.length === PAGE_SIZE;
              dispatch({ type: 'count', count: provisional.current });
            }
          }
          setLoaded((n) => n + 1);
        },
        (cause: unknown) => {
          if (gen === generation.current) fail(cause);
        },
      );
    },
    [source, fail],
  );

  const forget = () => {
    generation.current += 1;
    cache.current = new PageCache<Row>();
    inflight.current = new Set();
    countKnown.current = false;
    provisional.current = 0;
    hasMore.current = false;
  };

  // A new source starts empty at the top at once, in this render: not in an effect, or the frame
  // drawn before it would show the old rows under the new title (and the next key may be waiting).
  const [shownKey, setShownKey] = useState(source?.key);
  if (shownKey !== source?.key) {
    setShownKey(source?.key);
    forget();
    wanted.current = startAt;
    dispatch({ type: 'count', count: 0 });
    dispatch({ type: 'select', index: 0 });
  }

  // Load the first page and the count of a new source; a refresh drops the pages but keeps the cursor.
  const lastReload = useRef(reloads);
  useEffect(() => {
    if (lastReload.current !== reloads) {
      lastReload.current = reloads;
      source?.invalidate?.();
      forget();
    }
    const gen = generation.current;
    setError(undefined);
    if (!source) return;
    // The count waits for the first page to be on screen: SQLite runs one query at a time on this
    // thread, and counting a million rows would hold the first screen back.
    const countAfterwards = () =>
      setTimeout(() => {
        if (gen !== generation.current) return;
        source.count().then(
          (count) => {
            if (gen !== generation.current || count === undefined) return;
            countKnown.current = true;
            setLoadedFor(source.key);
            dispatch({ type: 'count', count });
            if (wanted.current > 0) dispatch({ type: 'select', index: wanted.current });
            wanted.current = 0;
          },
          (cause: unknown) => {
            if (gen === generation.current) fail(cause);
          },
        );
      }, 0);
    void loadPage(0, gen).finally(countAfterwards);
  }, [source, reloads, loadPage, fail]);

  useEffect(() => dispatch({ type: 'resize', height }), [height]);

  useEffect(() => {
    // Half a page beyond each edge of the window too, so scrolling across a page boundary finds it loaded.
    const margin = PAGE_SIZE / 2;
    const from = Math.max(0, state.top - margin);
    const to = Math.min(Math.max(state.count, state.top + state.height), state.top + state.height + margin);
    for (const page of pagesFor(from, to - from)) {
      if (!cache.current.get(page)) void loadPage(page, generation.current);
    }
  }, [state.top, state.height, state.count, loaded, loadPage]);

  // Without a count the list reaches one row past a full last page; that row is the "more" marker.
  const countIsEstimate = !countKnown.current && hasMore.current;
  const rowAt = useCallback((index: number) => cache.current.row(index), [loaded]); // eslint-disable-line react-hooks/exhaustive-deps
  const refresh = useCallback(() => setReloads((n) => n + 1), []);
  const loading = source !== undefined && loadedFor !== source.key;
  return { state, dispatch, rowAt, selected: rowAt(state.cursor), loading, countIsEstimate, refresh, error };
}
