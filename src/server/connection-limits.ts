import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';

/**
 * How long a client may take and how many may be connected. Node's and Fastify's defaults let a
 * slow client hold a socket forever (no request or connection timeout), so 300 sockets sending a
 * byte now and then starved a server of file descriptors.
 */
export interface ConnectionLimits {
  /** From the first byte of a request to the end of its headers. */
  headersTimeoutMs: number;
  /** From the first byte of a request to the end of its body (bodies are at most 64 KiB). */
  requestTimeoutMs: number;
  /** A kept-alive connection with no request in flight. */
  keepAliveTimeoutMs: number;
  /**
   * A socket on which nothing moves either way, in any phase: also a client that stopped reading a
   * stream. Players buffer ahead and resume with a Range request, so this costs them nothing.
   */
  idleTimeoutMs: number;
  maxRequestsPerSocket: number;
  /** Connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
  /** How often Node checks the header and request timeouts (its default, 30 s, would let them run late). */
  checkIntervalMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxRequestsPerSocket: 1000,
  maxConnections: connectionCapFor(openFileLimit()),
  checkIntervalMs: 1_000,
};

/**
 * A streaming connection holds two descriptors (the socket and the song's file), and the database,
 * its WAL and mpv need a few more: half of what is left after a reserve, within 16..4096.
 */
export function connectionCapFor(fileLimit: number | undefined): number {
  if (fileLimit === undefined || !Number.isFinite(fileLimit)) return 1000;
  return Math.max(16, Math.min(4096, Math.floor((fileLimit - 64) / 2)));
}

/** The soft limit on open files (Linux), or undefined where it cannot be read. */
function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}

/** The options Fastify passes on to Node's HTTP server. */
export function fastifyConnectionOptions(limits: ConnectionLimits) {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
  };
}

/** What Fastify has no option for. */
export function capConnections(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
}
