import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_STEPS } from '../../services/playback/command-words.js';
import { buildKeyTable, type KeyTable } from '../../services/keys/key-table.js';
import { prettyKey } from '../../services/keys/key-names.js';

/** The key bindings in force (defaults, changed by the keys file) and the keys file's mistake, if any. */
export interface KeysInForce {
  table: KeyTable;
  problem?: string | undefined;
}

const DEFAULT_KEYS: KeysInForce = { table: buildKeyTable(DEFAULT_STEPS).table };
const KeyTableContext = createContext<KeysInForce>(DEFAULT_KEYS);

export function KeyTableProvider({ keys, children }: { keys: KeysInForce | undefined; children: ReactNode }) {
  return <KeyTableContext.Provider value={keys ?? DEFAULT_KEYS}>{children}</KeyTableContext.Provider>;
}

export function useKeys(): KeysInForce {
  return useContext(KeyTableContext);
}

/** The first key bound to an action in the browser, for hints ("/", "Space"); empty when unbound. */
export function firstKey(table: KeyTable, id: string): string {
  const key = table.keysFor('ui', id)[0];
  return key === undefined ? '' : prettyKey(key);
}
