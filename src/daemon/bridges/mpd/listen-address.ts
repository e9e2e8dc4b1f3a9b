import { isIP } from 'node:net';

export type ListenAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string };

/** The `mpd-listen` setting: "HOST:PORT", "[::1]:PORT" or a socket path (checked by the settings table already). */
export function parseListenAddress(text: string): ListenAddress {
  if (text.startsWith('/')) return { kind: 'socket', path: text };
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text);
  if (!match) throw new Error(`mpd-listen must be HOST:PORT or a socket path, not ${JSON.stringify(text)}`);
  return { kind: 'tcp', host: match[1] ?? match[2]!, port: Number(match[3]) };
}

/** Whether only this machine can reach the address: a socket, localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(address: ListenAddress): boolean {
  if (address.kind === 'socket') return true;
  const host = address.host.toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}

export function describeAddress(address: ListenAddress): string {
  return address.kind === 'socket' ? address.path : address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
