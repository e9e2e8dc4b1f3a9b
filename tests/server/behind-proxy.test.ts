import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.js';

const login = (username: string, password: string, forwardedFor: string) => ({
  body: { username, password },
  headers: { 'x-forwarded-for': forwardedFor },
});

describe('behind a reverse proxy (--trust-proxy)', () => {
  it('counts failed logins per real client address, not per proxy', async () => {
    const server = await startTestServer({ trustProxy: ['loopback'] });
    await server.user('alice');
    for (let i = 0; i < 25; i++) await server.call('POST', '/api/login', login(`guess${i}`, 'wrong horse', '203.0.113.9'));
    expect((await server.call('POST', '/api/login', login('alice', 'correct horse', '203.0.113.9'))).status).toBe(429);
    expect((await server.call('POST', '/api/login', login('alice', 'correct horse', '198.51.100.7'))).status).toBe(200);
    expect(server.logLines.some((line) => / 198\.51\.100\.7 POST \/api\/login 200 /.test(line))).toBe(true);
  });

  it('believes X-Forwarded-Host for the Host check only from a trusted proxy', async () => {
    const trusted = await startTestServer({ trustProxy: ['127.0.0.1'], allowedHosts: ['music.example.com'] });
    const via = (host: string) => ({ headers: { 'x-forwarded-host': host } });
    expect((await trusted.call('GET', '/health', via('music.example.com'))).status).toBe(200);
    expect((await trusted.call('GET', '/health', via('attacker.example'))).status).toBe(403);

    const direct = await startTestServer({ allowedHosts: ['music.example.com'] });
    // Not trusted: the header is ignored and the real Host (127.0.0.1) decides.
    expect((await direct.call('GET', '/health', via('attacker.example'))).status).toBe(200);
  });

  it('takes X-Forwarded-For from nobody by default', async () => {
    const server = await startTestServer();
    await server.user('alice');
    for (let i = 0; i < 25; i++) await server.call('POST', '/api/login', login(`guess${i}`, 'wrong horse', `203.0.113.${i}`));
    // Every guess came from 127.0.0.1 whatever the header said.
    expect((await server.call('POST', '/api/login', login('alice', 'correct horse', '198.51.100.7'))).status).toBe(429);
  });
});
