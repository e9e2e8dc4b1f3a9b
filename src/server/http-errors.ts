import type { FastifyReply } from 'fastify';
import { isTunesError, UnavailableError, type ErrorCode } from '../errors.js';
import { storageFaultOf, type StorageFault } from '../storage-fault.js';

/** Codes only the HTTP edge produces, beside the services' own. */
export type HttpErrorCode =
  | ErrorCode
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'range_not_satisfiable'
  | 'request_timeout'
  | 'headers_too_large'
  | 'unavailable';

export interface HttpError {
  status: number;
  code: HttpErrorCode;
  message: string;
  /** Sent as Retry-After (seconds) when trying again shortly can work. */
  retryAfterSeconds?: number;
}

/** The one table from a service error code to an HTTP status. */
const STATUS_FOR: Record<ErrorCode, number> = {
  internal: 500,
  usage: 400,
  invalid_input: 400,
  not_logged_in: 401,
  auth_failed: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  dependency_missing: 500,
  io: 500,
  unavailable: 503,
};

/** What a client is told when the server's storage, not the request, is the problem. */
const STORAGE_ANSWERS: Record<StorageFault, HttpError> = {
  busy: { status: 503, code: 'unavailable', message: 'the database is busy; try again shortly', retryAfterSeconds: 1 },
  full: { status: 503, code: 'unavailable', message: "the server's disk is full" },
  read_only: { status: 503, code: 'unavailable', message: "the server's database is read-only" },
};

/** Fastify's own errors (body parsing, schema validation, closing) carry a statusCode. */
const CODE_FOR_STATUS: Record<number, HttpErrorCode> = {
  400: 'invalid_input',
  401: 'not_logged_in',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export function toHttpError(error: unknown): HttpError {
  if (error instanceof UnavailableError) {
    return { status: 503, code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  }
  const fault = storageFaultOf(error);
  if (fault !== undefined) return STORAGE_ANSWERS[fault];
  if (isTunesError(error)) {
    const status = STATUS_FOR[error.code];
    // Internal faults may carry paths or SQL; the client gets a generic line, the log gets the rest.
    return status >= 500
      ? { status, code: error.code, message: 'the server could not complete the request' }
      : { status, code: error.code, message: error.message };
  }
  const status = statusOf(error);
  const code = status === undefined ? undefined : CODE_FOR_STATUS[status];
  if (status !== undefined && code !== undefined) {
    return { status, code, message: error instanceof Error ? error.message : String(error) };
  }
  return { status: 500, code: 'internal', message: 'internal server error' };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const status = (error as { statusCode: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function errorBody(code: HttpErrorCode, message: string): { error: { code: HttpErrorCode; message: string } } {
  return { error: { code, message } };
}

export function sendError(reply: FastifyReply, { status, code, message, retryAfterSeconds }: HttpError): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, message));
}
