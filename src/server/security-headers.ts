import type { FastifyInstance } from 'fastify';

/**
 * Sent with every answer, errors and streams included. The API serves JSON and audio, never pages:
 * no browser should guess another type (nosniff), frame it (clickjacking) or pass its URLs, which
 * may carry tokens, on as a Referer. A route serving pages (a web player) sets its own
 * content-security-policy with reply.header(), which replaces this one. No Cross-Origin-Resource-Policy:
 * web clients on other origins play streams in <audio> elements.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}
