import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, sendError, type HttpErrorCode } from './http-errors.js';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * Fastify answers a URL it cannot decode (a bad %-escape) or a path parameter over its length
 * limit before any hook or error handler runs, in a shape of its own that echoes the URL. These
 * give the API's one error shape and headers instead.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void sendError(reply, {
    status: tooLong ? 414 : 400,
    code: 'invalid_input',
    message: tooLong ? 'a part of the URL is too long' : 'the URL is not valid (a malformed %-escape?)',
  });
}

/**
 * Node reports a request it cannot parse, or one that ran out of time (see connection-limits.ts),
 * on the socket itself: the answer is written raw, and the connection closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] = answerFor(error.code);
  if (socket.writable) {
    const body = JSON.stringify(errorBody(code, message));
    const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function answerFor(code: string | undefined): [number, string, HttpErrorCode, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'request_timeout', 'the request took too long to arrive'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'Request Header Fields Too Large', 'headers_too_large', 'the request headers are too large'];
    default:
      return [400, 'Bad Request', 'invalid_input', 'malformed HTTP request'];
  }
}
