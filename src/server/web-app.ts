import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from './http-errors.js';

/** Where `npm run build` puts the web player (this file and the bundle's chunks are both two folders down). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * The page's own policy, replacing the API's `default-src 'none'` (security-headers.ts): scripts,
 * styles, images, audio and fetches from this server only, no inline script, never framed.
 */
export const WEB_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self'; " +
  "connect-src 'self'; manifest-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Paths that belong to the APIs: an unknown one stays a JSON 404, never the page. */
const API_PATH = /^\/(api|rest)(\/|$)|^\/health$/;

/**
 * The web player at `/`: hashed files under /assets/ cached for a year (their names change with
 * their content), index.html never cached, and every other GET that wants a page (a client route
 * such as /albums/3 after a reload) answered with index.html.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string = DEFAULT_WEB_DIR): Promise<void> {
  const indexPath = `${webDir}/index.html`;
  const built = existsSync(indexPath);
  const indexHtml = built ? readFileSync(indexPath) : undefined;
  if (built && existsSync(`${webDir}/assets`)) {
    await app.register(fastifyStatic, {
      root: `${webDir}/assets`,
      prefix: '/assets/',
      // One route for the folder (not one per file), answering only the files it holds.
      wildcard: true,
      index: false,
      cacheControl: false,
      // Scripts and styles are small and fetched whole; a malformed Range made `send` answer 500.
      acceptRanges: false,
      setHeaders: (res) => res.header('cache-control', 'public, max-age=31536000, immutable'),
    });
  }
  const page = (reply: FastifyReply) => {
    if (!indexHtml) {
      return reply.code(503).type('text/plain; charset=utf-8').send('the web player is not built: run `npm run build` in the tunes folder\n');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', WEB_PAGE_CSP).send(indexHtml);
  };
  app.get('/', async (_request, reply) => page(reply));
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PATH.test(path) || path.startsWith('/assets/') || !/text\/html/.test(request.headers.accept ?? '')) {
      return sendError(reply, { status: 404, code: 'not_found', message: `no route ${request.method} ${path}` });
    }
    return page(reply);
  });
}
