import type { FastifyInstance, FastifyRequest } from 'fastify';
import { terminalSafe } from '../text/terminal-safe.js';
import { redactUrl } from './log-redaction.js';

/** The URL as the request log shows it: no secrets, nothing a terminal would act on. */
export function loggedUrl(request: FastifyRequest): string {
  return terminalSafe(redactUrl(request.url));
}

/**
 * One line per answered request: time, client, method, URL, status, milliseconds. Behind a trusted
 * proxy the client is whatever X-Forwarded-For said (bytes 0x80-0xff pass Node's parser, so an
 * 8-bit CSI can arrive there): it is cleaned like the URL.
 */
export function addRequestLog(app: FastifyInstance, log: (line: string) => void): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime.toFixed(1);
    log(`${new Date().toISOString()} ${terminalSafe(request.ip)} ${terminalSafe(request.method)} ${loggedUrl(request)} ${reply.statusCode} ${ms}ms`);
  });
}
