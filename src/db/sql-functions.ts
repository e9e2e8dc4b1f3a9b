import type BetterSqlite3 from 'better-sqlite3';
import { fold } from '../text/fold.js';

/** `tunes_fold(text)`: lower case without accents, the way search sees text (see src/text/fold.ts). */
export const FOLD_FUNCTION = 'tunes_fold';

/** SQL functions queries rely on; every connection gets them when it opens. */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
}
