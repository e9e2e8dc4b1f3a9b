import type { Duplex } from 'node:stream';
import { TunesError } from '../errors.js';
import { parseMpvLine, type MpvEvent } from './mpv-messages.js';

/** mpv answered a command with an error (it is running; it refused this one command). */
export class MpvRefusal extends TunesError {
  constructor(command: string, reason: string) {
    super('io', `mpv ${command} failed: ${reason}`);
  }
}

type Pending = { resolve: (data: unknown) => void; reject: (error: Error) => void; command: string };

/**
 * Line-delimited JSON over mpv's IPC stream: every command carries a request id and its promise
 * settles with the matching reply; events go to the listeners. When the stream closes, pending
 * requests fail instead of hanging.
 */
export class MpvConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: MpvEvent) => void>();
  private readonly closeListeners = new Set<() => void>();
  private buffer = '';
  private closed = false;

  constructor(private readonly stream: Duplex) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => this.receive(chunk));
    stream.on('error', () => this.markClosed());
    stream.on('close', () => this.markClosed());
    stream.on('end', () => this.markClosed());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  command(...args: Array<string | number | boolean>): Promise<unknown> {
    return this.send(String(args[0]), args);
  }

  /** mpv's named-argument form, which stays valid when mpv inserts new positional arguments. */
  namedCommand(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.send(name, { name, ...args });
  }

  private send(name: string, command: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new TunesError('io', `mpv is not running (command ${name})`));
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, command: name });
      this.stream.write(`${JSON.stringify({ command, request_id: requestId })}\n`);
    });
  }

  onEvent(listener: (event: MpvEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.stream.end();
    this.stream.destroy();
    this.markClosed();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const message = parseMpvLine(line);
      if (!message) continue;
      if (message.kind === 'event') {
        for (const listener of this.eventListeners) listener(message.event);
        continue;
      }
      const { reply } = message;
      const waiting = this.pending.get(reply.request_id);
      if (!waiting) continue;
      this.pending.delete(reply.request_id);
      if (reply.error === 'success') waiting.resolve(reply.data);
      else waiting.reject(new MpvRefusal(waiting.command, reply.error));
    }
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, waiting] of this.pending) waiting.reject(new TunesError('io', `mpv stopped before answering ${waiting.command}`));
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
  }
}
