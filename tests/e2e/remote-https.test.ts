import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { serveTunesLibrary, tunesJson } from '../helpers/remote-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const servers: https.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A self-signed certificate for 127.0.0.1 (openssl), and TLS in front of a real tunes serve. */
async function httpsInFront(target: string): Promise<{ url: string; certFile: string }> {
  const dir = tempDir();
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const upstream = new URL(target);
  const server = https.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (request, response) => {
    const forward = http.request({ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: { ...request.headers, host: upstream.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(forward);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as { port: number }).port}`, certFile };
}

describe('a remote library over HTTPS', () => {
  it('refuses a self-signed certificate in one line, and trusts it only when given with --ca', async () => {
    const server = await serveTunesLibrary();
    const front = await httpsInFront(server.url);
    const laptop = tempDir();
    const untrusted = await runTunes(['login', '--server', front.url, 'alice', '--password-stdin'], { home: laptop, input: 'correct horse\n' });
    expect(untrusted.code).toBe(6);
    expect(untrusted.stderr).toMatch(/^tunes: 127\.0\.0\.1:\d+ \(https:\/\/127\.0\.0\.1:\d+\) has a certificate this machine does not trust \(DEPTH_ZERO_SELF_SIGNED_CERT\)\nhint: .*--ca FILE/);
    const trusted = await runTunes(['login', '--server', front.url, 'alice', '--password-stdin', '--ca', front.certFile], { home: laptop, input: 'correct horse\n' });
    expect(trusted.code, trusted.stderr).toBe(0);
    expect((await tunesJson<Array<{ title: string }>>(['songs', 'hunter'], laptop)).map((s) => s.title)).toEqual(['Hunter']);
  });
});
