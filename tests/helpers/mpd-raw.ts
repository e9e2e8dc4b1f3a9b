import { connect, type Socket } from 'node:net';

/** A raw MPD connection, as a hand-written, buggy or hostile client speaks it. */
export interface RawMpd {
  socket: Socket;
  greeting: string;
  /** Sends lines (each gets "\n") and reads until the reply's OK or ACK line. */
  ask(...lines: string[]): Promise<string>;
  /** Reads until a line that ends a reply (after an idle, say). */
  reply(): Promise<string>;
  send(text: string): void;
  /** Settles when the server closes the connection. */
  closed: Promise<void>;
}

export function rawMpd(path: string): Promise<RawMpd> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let buffer = '';
    let wake: (() => void) | undefined;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      wake?.();
    });
    socket.on('close', () => wake?.());
    const takeUntil = async (ends: (line: string) => boolean): Promise<string> => {
      for (;;) {
        let start = 0;
        let at: number;
        while ((at = buffer.indexOf('\n', start)) >= 0) {
          const line = buffer.slice(start, at);
          start = at + 1;
          if (ends(line)) {
            const out = buffer.slice(0, start);
            buffer = buffer.slice(start);
            return out;
          }
        }
        if (socket.destroyed) throw new Error(`closed; got ${JSON.stringify(buffer)}`);
        await new Promise<void>((resume) => (wake = resume));
      }
    };
    const replyEnd = (line: string) => line === 'OK' || line.startsWith('ACK ');
    socket.once('error', reject);
    socket.once('connect', async () => {
      const greeting = (await takeUntil(() => true)).trimEnd();
      resolve({
        socket,
        greeting,
        closed,
        send: (text) => void socket.write(text),
        ask: (...lines) => {
          socket.write(lines.map((line) => `${line}\n`).join(''));
          return takeUntil(replyEnd);
        },
        reply: () => takeUntil(replyEnd),
      });
    });
  });
}
