import { request } from 'node:http';
import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/security-headers.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A GET with a Host header of our choosing (fetch would not send one). */
function getWithHost(server: TestServer, path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a loopback server and the Host header (DNS rebinding)', () => {
  it('answers loopback names, refuses any other name with 403 before routing', async () => {
    const server = await startTestServer();
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await getWithHost(server, '/health', host)).status, host).toBe(200);
    }
    for (const path of ['/health', '/api/songs', '/api/me', '/no/such/route']) {
      const refused = await getWithHost(server, path, `attacker.example:${port}`);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({
        error: {
          code: 'forbidden',
          message: 'this server does not answer to the host name "attacker.example" (tunes serve --allowed-host attacker.example adds it)',
        },
      });
    }
  });

  it('answers the hosts it is told to allow', async () => {
    const server = await startTestServer({ allowedHosts: ['music.example.com'] });
    expect((await getWithHost(server, '/health', 'music.example.com')).status).toBe(200);
    expect((await getWithHost(server, '/health', 'other.example.com')).status).toBe(403);
  });
});

describe('security headers', () => {
  it('come with every answer: JSON, errors, 404s, streams, refusals', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice');
    const path = join(tempDir(), 'track.mp3');
    writeFileSync(path, Buffer.alloc(1000, 7));
    const [song] = await seedSongs(server.store, [{ path, size: 1000 }]);
    const answers = [
      await server.call('GET', '/health'),
      await server.call('GET', '/api/songs?limit=0'),
      await server.call('GET', '/api/me'),
      await server.call('GET', '/nothing'),
      await server.call('POST', '/api/login', { body: 'not json', headers: { 'content-type': 'application/json' } }),
      await server.call('GET', `/api/songs/${song!.id}/stream`, { token, headers: { range: 'bytes=0-9' } }),
      await server.call('GET', `/api/songs/${song!.id}/stream`, { token, headers: { range: 'bytes=5000-' } }),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 400, 401, 404, 400, 206, 416]);
    for (const res of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
      await res.arrayBuffer();
    }
    expect(SECURITY_HEADERS).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('the request log', () => {
  it('never shows a token sent in the URL, nor control characters', async () => {
    const server = await startTestServer();
    const { token } = await server.user('alice');
    await server.call('GET', `/api/songs?token=${token}&q=halo`);
    await server.call('GET', `/rest/ping.view?u=alice&t=0123456789abcdef&s=salt42&p=enc:736563726574`);
    await server.call('GET', `/api/songs?q=%1b%5b2J`);
    const log = server.logLines.join('\n');
    expect(log).toContain('GET /api/songs?token=[redacted]&q=halo 200');
    // /rest answers Subsonic's envelope (200, status failed here: the token is wrong), never a 404.
    expect(log).toContain('GET /rest/ping.view?u=alice&t=[redacted]&s=[redacted]&p=[redacted] 200');
    for (const secret of [token, '0123456789abcdef', 'salt42', '736563726574']) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('shows no control character from X-Forwarded-For behind a trusted proxy (an 8-bit CSI passes HTTP parsing)', async () => {
    const server = await startTestServer({ trustProxy: ['loopback'] });
    const { port } = new URL(server.url);
    for (const forwardedFor of [Buffer.from([0x9b, 0x32, 0x4a]), Buffer.from('\u202e203.0.113.9', 'utf8')]) {
      const head = Buffer.from('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Forwarded-For: ');
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(Buffer.concat([head, forwardedFor, Buffer.from('\r\n\r\n')])));
        let text = '';
        socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
        socket.on('close', () => resolve(text)).on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    }
    expect(server.logLines).toHaveLength(2);
    expect(server.logLines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
