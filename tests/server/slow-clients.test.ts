import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTION_LIMITS } from '../../src/server/connection-limits.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Short limits, so real slow sockets meet them within a test. */
const limits = {
  headersTimeoutMs: 400,
  requestTimeoutMs: 800,
  keepAliveTimeoutMs: 300,
  idleTimeoutMs: 5_000,
  checkIntervalMs: 100,
  maxConnections: 6,
};

interface RawClient {
  socket: Socket;
  /** Everything the server sent. */
  received(): string;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

function rawClient(server: TestServer): Promise<RawClient> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Writes one byte of `text` at a time, `everyMs` apart, until the socket closes. */
function trickle(client: RawClient, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (client.socket.destroyed || i >= text.length) return clearInterval(timer);
    client.socket.write(text[i++]!);
  }, everyMs);
  void client.closed.then(() => clearInterval(timer));
}

describe('slow clients are cut off', () => {
  it('answers 408 and closes a socket that trickles its headers', async () => {
    const server = await startTestServer({ connectionLimits: limits });
    const client = await rawClient(server);
    trickle(client, `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'x'.repeat(10_000)}`, 50);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    // Meanwhile and after, everyone else is served.
    expect((await server.call('GET', '/health')).status).toBe(200);
  });

  it('answers 408 and closes a socket that trickles its body', async () => {
    const server = await startTestServer({ connectionLimits: limits });
    const client = await rawClient(server);
    client.socket.write('POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n');
    trickle(client, `{"username":"alice","password":"${'x'.repeat(4000)}"}`, 50);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a socket that connects and sends nothing', async () => {
    const server = await startTestServer({ connectionLimits: limits });
    const client = await rawClient(server);
    await client.closed;
    expect(client.received()).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const server = await startTestServer({ connectionLimits: limits });
    const client = await rawClient(server);
    client.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Keep-Alive: timeout=0?\.?\d*/i);
    expect(client.received().match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('takes no more connections than its cap, and serves again once slow ones are cut', async () => {
    const server = await startTestServer({ connectionLimits: limits });
    const held = await Promise.all(Array.from({ length: limits.maxConnections }, () => rawClient(server)));
    for (const client of held) client.socket.write('GET /health HTTP/1.1\r\n');
    const extra = await rawClient(server);
    // Closed by the server at once, without an answer: past the cap.
    await extra.closed;
    expect(extra.received()).toBe('');
    expect(held.every((client) => !client.socket.destroyed)).toBe(true);
    await Promise.all(held.map((client) => client.closed));
    expect((await server.call('GET', '/health')).status).toBe(200);
  });

  it('has timeouts and a cap by default', () => {
    const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, maxConnections, maxRequestsPerSocket } =
      DEFAULT_CONNECTION_LIMITS;
    for (const value of [headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, maxConnections, maxRequestsPerSocket]) {
      expect(value).toBeGreaterThan(0);
    }
    expect(headersTimeoutMs).toBeLessThanOrEqual(requestTimeoutMs);
  });
});
