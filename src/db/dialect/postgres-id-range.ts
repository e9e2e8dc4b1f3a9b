import type pgModule from 'pg';
import { TunesError } from '../../errors.js';
import { MAX_RECORD_ID } from '../id-range.js';

type Pg = typeof pgModule;

/** PostgreSQL's message when a parameter does not fit its column: SQLSTATE 22003 on the value itself. */
const PARAMETER_OUT_OF_RANGE = /^value "(-?\d+)" is out of range for type (?:smallint|integer|bigint)$/;
/** Statements that only look rows up by the value: none has it, as SQLite would find. */
const LOOKUP = /^\s*(?:select|update|delete)\b/i;

/**
 * A pg Client whose lookups by a number past the column's range (an id above 2^31-1) fail as
 * not_found, the answer SQLite gives by finding no row, instead of an internal error. The
 * repositories bound the ids they are handed (src/db/id-range.ts); this covers every other query.
 * Writes keep the driver's error: a value too large to store is a fault, not a missing row.
 */
export function idRangeClient(pg: Pg): Pg['Client'] {
  return class IdRangeClient extends pg.Client {
    // any: pg's query() has a dozen overloads (callbacks, submittables, promises); each passes through as is.
    override query(...args: any[]): any {
      const result = (super.query as (...a: any[]) => any)(...args);
      if (!(result instanceof Promise)) return result;
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      return result.catch((error: unknown) => {
        throw lookupOutOfRange(error, typeof text === 'string' ? text : '') ?? error;
      });
    }
  } as Pg['Client'];
}

function lookupOutOfRange(error: unknown, text: string): TunesError | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== '22003') return undefined;
  const value = PARAMETER_OUT_OF_RANGE.exec(String((error as { message?: unknown }).message))?.[1];
  if (value === undefined || !LOOKUP.test(text)) return undefined;
  return new TunesError('not_found', `nothing has the id ${value} (ids stop at ${MAX_RECORD_ID})`);
}
