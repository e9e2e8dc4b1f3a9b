import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';

/**
 * The user id owning the other end of a loopback TCP connection, where the OS tells (Linux's
 * /proc/net/tcp and tcp6: the peer's socket is the one whose local port is our remote port and whose
 * remote port is our local port). Undefined when it cannot be told. The kernel writes those tables by
 * walking its whole connection table: ~5-10 ms here, so this is read off the event loop.
 */
export async function loopbackPeerUid(socket: Socket): Promise<number | undefined> {
  const { localPort, remotePort } = socket;
  if (localPort === undefined || remotePort === undefined) return undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = await readFile(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, remote, uid] = [fields[1], fields[2], fields[7]];
      if (!local || !remote || uid === undefined) continue;
      if (portOf(local) === remotePort && portOf(remote) === localPort) return Number(uid);
    }
  }
  return undefined;
}

function portOf(address: string): number {
  return Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
}
