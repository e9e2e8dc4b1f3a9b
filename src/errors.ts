/** The one error type services throw; edges map `code` to an exit code or HTTP status. */
export type ErrorCode =
  | 'internal'
  | 'usage'
  | 'invalid_input'
  | 'not_logged_in'
  | 'auth_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'dependency_missing'
  | 'io'
  /** Too busy right now (a full queue, a held lock): the same request may succeed shortly. */
  | 'unavailable';

export class TunesError extends Error {
  override readonly name = 'TunesError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const EXIT_CODES: Record<ErrorCode, number> = {
  internal: 1,
  usage: 2,
  invalid_input: 2,
  not_logged_in: 3,
  auth_failed: 3,
  forbidden: 3,
  not_found: 4,
  conflict: 5,
  dependency_missing: 6,
  io: 6,
  unavailable: 6,
};

/** An `unavailable` error that knows when trying again makes sense (HTTP sends it as Retry-After). */
export class UnavailableError extends TunesError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    hint?: string,
  ) {
    super('unavailable', message, hint);
  }
}

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_CODES[code];
}

/** An error code that came from elsewhere (the player's socket); anything unknown is `internal`. */
export function errorCodeOf(text: string): ErrorCode {
  return Object.hasOwn(EXIT_CODES, text) ? (text as ErrorCode) : 'internal';
}

export function isTunesError(error: unknown): error is TunesError {
  return error instanceof TunesError;
}
