import { useInput, type Key } from 'ink';
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { splitKeys } from './split-keys.js';

export type KeyHandler = (input: string, key: Key) => void;

/**
 * Ink attaches a `useInput` handler in an effect that runs after the frame is drawn, so a key typed
 * right after another (a fast typist, a paste, tmux) can reach the handler of the screen *before*
 * that key's effect: the search box that `/` just opened misses the first letter, a stale list
 * handler moves the wrong cursor. So the main screen owns the only listener, and whatever is on top
 * (an overlay) hands it its handler while rendering, through this ref: always current.
 */
const KeyLayerContext = createContext<MutableRefObject<KeyHandler | undefined> | undefined>(undefined);

export function KeyLayerProvider({ layer, children }: { layer: MutableRefObject<KeyHandler | undefined>; children: ReactNode }) {
  return <KeyLayerContext.Provider value={layer}>{children}</KeyLayerContext.Provider>;
}

/** Makes `handler` receive the keys while this component is the top layer. */
export function useKeyLayer(handler: KeyHandler): void {
  const layer = useContext(KeyLayerContext);
  if (layer) layer.current = handler;
  // Outside a provider (a component rendered on its own in a test) it listens for itself.
  useInput(handler, { isActive: layer === undefined });
  useEffect(
    () => () => {
      if (layer && layer.current === handler) layer.current = undefined;
    },
    [layer, handler],
  );
}

/**
 * `useInput` with a handler read at key time, so it always sees the latest render. A burst of keys
 * (Ink hands over "jj\r" typed faster than it reads as one string) is split into single key presses,
 * each handled in its own turn after React has rendered what the previous one did.
 */
export function useLatestInput(handler: KeyHandler, isActive = true, typedAhead: ReadonlyArray<[string, Key]> = []): void {
  const latest = useRef(handler);
  latest.current = handler;
  const pending = useRef<Array<[string, Key]>>([]);
  const [turn, setTurn] = useState(0);
  const handleOne = useRef(() => {
    const next = pending.current.shift();
    if (!next) return;
    latest.current(...next);
    // Forces a render even when this key changed nothing; the next key is handled after it commits.
    if (pending.current.length > 0) setTurn((n) => n + 1);
  });
  const stable = useRef<KeyHandler>((input, key) => {
    const idle = pending.current.length === 0;
    pending.current.push(...splitKeys(input, key, false));
    if (idle) handleOne.current();
  });
  useLayoutEffect(() => {
    if (turn > 0) handleOne.current();
  }, [turn]);
  // Keys typed before this screen was there (while logging in) are its first keys, in order.
  useLayoutEffect(() => {
    for (const [input, key] of typedAhead) stable.current(input, key);
  }, []);
  useInput(stable.current, { isActive });
}
