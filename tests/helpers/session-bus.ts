import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SessionBus {
  /** DBUS_SESSION_BUS_ADDRESS of this bus. */
  address: string;
  /** Ends the bus (and so every connection to it). */
  close(): Promise<void>;
}

/**
 * A private session bus, as `dbus-run-session` makes one: its child prints the bus address and
 * then waits; ending that child makes dbus-run-session end the bus. Nothing here touches a bus the
 * machine may have.
 */
export async function startSessionBus(): Promise<SessionBus> {
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', 'echo "$$ $DBUS_SESSION_BUS_ADDRESS"; exec sleep 100000'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const [pid, address] = out.trim().split(' ');
  if (!pid || !address) throw new Error(`dbus-run-session gave no bus address: ${out}`);
  const ended = once(child, 'exit');
  return {
    address,
    async close() {
      if (child.exitCode !== null) return;
      process.kill(Number(pid), 'SIGTERM');
      await ended;
    },
  };
}

/** Runs a D-Bus client (playerctl, dbus-send) on this bus; its stdout, trimmed. */
export async function onBus(bus: SessionBus, command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address }, encoding: 'utf8' });
  return stdout.trim();
}
