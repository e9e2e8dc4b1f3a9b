import { describe, expect, it } from 'vitest';
import { createHostCheck, hostName } from '../../src/server/host-check.js';

describe('Host header check (DNS rebinding)', () => {
  it('reads the name out of a Host header', () => {
    expect(hostName('LocalHost:5000')).toBe('localhost');
    expect(hostName('[::1]:5000')).toBe('::1');
    expect(hostName('[::1]')).toBe('::1');
    expect(hostName('music.example.com.')).toBe('music.example.com');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('on a loopback server, takes loopback names only, plus the listed hosts', () => {
    const allowed = createHostCheck({ bindHost: '127.0.0.1', allowedHosts: ['music.example.com', '.home.arpa'] });
    for (const ok of ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.1.2.3', '[::1]:5000', 'app.localhost', 'MUSIC.example.com:443', 'nas.home.arpa', 'home.arpa', undefined]) {
      expect(allowed(ok), String(ok)).toBe(true);
    }
    for (const bad of ['attacker.example', 'attacker.example:5000', '192.168.1.5', 'localhost.attacker.example', '127.0.0.1.attacker.example', 'example.com', 'evilhome.arpa']) {
      expect(allowed(bad), bad).toBe(false);
    }
    expect(createHostCheck({ bindHost: '::1', allowedHosts: [] })('attacker.example')).toBe(false);
    expect(createHostCheck({ bindHost: 'localhost', allowedHosts: [] })('localhost:1')).toBe(true);
  });

  it('on an exposed server, takes any name unless hosts are listed, then addresses and the listed names', () => {
    expect(createHostCheck({ bindHost: '0.0.0.0', allowedHosts: [] })('anything.example')).toBe(true);
    const listed = createHostCheck({ bindHost: '0.0.0.0', allowedHosts: ['music.example.com'] });
    expect(listed('music.example.com')).toBe(true);
    expect(listed('192.168.1.5:5000')).toBe(true);
    expect(listed('[fe80::1]:5000')).toBe(true);
    expect(listed('localhost')).toBe(true);
    expect(listed('attacker.example')).toBe(false);
  });
});
