import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sendError } from './http-errors.js';

/**
 * DNS rebinding: a web page on attacker.example makes its own name resolve to 127.0.0.1, and the
 * browser then lets it read answers from a server on this machine. The `Host` header still says
 * attacker.example, so a server only this machine should reach answers only to the names that mean
 * this machine, plus the names its owner lists (a reverse proxy's, say).
 */
export interface HostPolicy {
  /** The address the server listens on. */
  bindHost: string;
  /** Further names the server answers to (`.example.com` also takes every name under it). */
  allowedHosts: readonly string[];
}

export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** The name in a Host header, without port, brackets, trailing dot or case. */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(trimmed);
  if (bracketed) return bracketed[1]!;
  const withoutPort = trimmed.replace(/:\d*$/, '');
  return withoutPort.replace(/\.$/, '');
}

/**
 * A check for each request's Host header. Bound to loopback: loopback names and the allowed hosts
 * only. Bound to another address: anything when no host was listed (the owner chose to expose it),
 * else addresses (a rebinding page cannot send one: it would be its own origin), loopback names
 * and the listed hosts. A request without Host (HTTP/1.0, not a browser) passes.
 */
export function createHostCheck({ bindHost, allowedHosts }: HostPolicy): (header: string | undefined) => boolean {
  const exact = new Set(allowedHosts.filter((h) => !h.startsWith('.')).map(hostName));
  const suffixes = allowedHosts.filter((h) => h.startsWith('.')).map((h) => h.toLowerCase().replace(/\.$/, ''));
  const listed = (name: string) => exact.has(name) || suffixes.some((suffix) => name.endsWith(suffix) || name === suffix.slice(1));
  const loopbackOnly = isLoopbackHost(bindHost);
  if (!loopbackOnly && allowedHosts.length === 0) return () => true;
  return (header) => {
    if (header === undefined || header === '') return true;
    const name = hostName(header);
    if (isLoopbackHost(name) || listed(name)) return true;
    return !loopbackOnly && isIP(name) !== 0;
  };
}

/** Refuses requests for other names before any route (or the 404 answer) sees them. */
export function addHostCheck(app: FastifyInstance, policy: HostPolicy): void {
  const allowed = createHostCheck(policy);
  app.addHook('onRequest', async (request, reply) => {
    // request.host is X-Forwarded-Host when it comes from a trusted proxy, else the Host header.
    const header = request.host === '' ? undefined : request.host;
    if (allowed(header)) return;
    const name = hostName(header ?? '').slice(0, 100);
    return sendError(reply, {
      status: 403,
      code: 'forbidden',
      message: `this server does not answer to the host name "${name}" (tunes serve --allowed-host ${name} adds it)`,
    });
  });
}
