import type { Socket } from 'node:net';
import { LineSplitter } from '../../../text/line-splitter.js';
import { Ack, ackLine, asAck, MpdAck } from './ack.js';
import { COMMAND_NAMES, COMMANDS, IDLE_SUBSYSTEMS, OPEN_COMMANDS, type IdleSubsystem } from './command-table.js';
import type { MpdContext } from './context.js';
import { splitCommandLine } from './command-line.js';
import { TagMask } from './song-lines.js';

/** The protocol version in the greeting: the MPD release whose commands this bridge answers. */
export const MPD_PROTOCOL_VERSION = '0.23.5';
/** A request line longer than this closes the connection (MPD closes on an overlong line too). */
export const MAX_LINE_BYTES = 64 * 1024;
/** A command list may hold this much (MPD's max_command_list_size default); more closes the connection. */
export const MAX_LIST_BYTES = 2 * 1024 * 1024;
/** A client that stops reading while this much waits for it is cut off (MPD's max_output_buffer_size). */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;
/** Past this many requests waiting for their turn, the connection is not read until they are answered. */
const MAX_QUEUED_LINES = 256;

export interface ConnectionDeps {
  context: Omit<MpdContext, 'tags' | 'binaryLimit'>;
  /** Whether this connection must send the password first (never on loopback or a socket). */
  locked: boolean;
  checkPassword(password: string): Promise<boolean>;
  onClose(): void;
}

type ListMode = { ok: boolean; lines: string[]; bytes: number };

/**
 * One client: the greeting, then request lines answered strictly in order (each command's reply
 * ends in OK or an ACK), command lists, and idle. Idle waits for the player's events without a
 * timer; events that came while the client was busy are kept for its next idle, as MPD does.
 */
export class MpdConnection {
  private readonly context: MpdContext;
  private chain = Promise.resolve();
  private list: ListMode | undefined;
  /** Subsystems changed since this client's last idle answer. */
  private readonly pending = new Set<IdleSubsystem>();
  /** Set while an idle waits: the subsystems it waits for. */
  private idling: Set<IdleSubsystem> | undefined;
  private locked: boolean;
  private queued = 0;

  constructor(
    private readonly socket: Socket,
    private readonly deps: ConnectionDeps,
  ) {
    this.context = { ...deps.context, tags: new TagMask(), binaryLimit: 8192 };
    this.locked = deps.locked;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    const lines = new LineSplitter(
      (line) => {
        if ((this.queued += 1) > MAX_QUEUED_LINES) socket.pause();
        this.chain = this.chain
          .then(() => this.handle(line.endsWith('\r') ? line.slice(0, -1) : line))
          .finally(() => {
            if ((this.queued -= 1) === MAX_QUEUED_LINES && !socket.destroyed) socket.resume();
          });
      },
      MAX_LINE_BYTES,
      () => this.socket.destroy(),
    );
    socket.on('data', (chunk: string) => lines.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => deps.onClose());
    this.write(`OK MPD ${MPD_PROTOCOL_VERSION}\n`);
  }

  /** The player changed these subsystems. */
  notify(subsystems: Iterable<IdleSubsystem>): void {
    for (const subsystem of subsystems) this.pending.add(subsystem);
    if (this.idling) this.answerIdle(false);
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private write(text: string): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    if (this.socket.writableLength > MAX_PENDING_BYTES) return void this.socket.destroy();
    this.socket.write(text);
  }

  private async handle(line: string): Promise<void> {
    if (this.socket.destroyed) return;
    if (this.idling) {
      // While idle a client may only say noidle; anything else ends the connection (as in MPD).
      if (line === 'noidle') return this.answerIdle(true);
      return void this.socket.destroy();
    }
    if (this.list) return this.collect(this.list, line);
    let name = '';
    try {
      const parsed = splitCommandLine(line);
      name = parsed.name;
      switch (name) {
        case 'command_list_begin':
        case 'command_list_ok_begin':
          this.list = { ok: name === 'command_list_ok_begin', lines: [], bytes: 0 };
          return;
        case 'command_list_end':
          throw new MpdAck(Ack.NOT_LIST, 'not in command list mode');
        case 'noidle':
          return;
        case 'close':
          return void this.socket.end();
        case 'idle':
          return this.startIdle(parsed.args);
      }
      this.write(await this.run(name, parsed.args));
      this.write('OK\n');
    } catch (error) {
      const ack = asAck(error);
      this.write(ackLine(ack.code, 0, name && (COMMANDS.has(name) || isConnectionCommand(name)) ? name : '', ack.message));
    }
  }

  private async collect(list: ListMode, line: string): Promise<void> {
    if (line !== 'command_list_end') {
      list.bytes += Buffer.byteLength(line) + 1;
      if (list.bytes > MAX_LIST_BYTES) return void this.socket.destroy();
      list.lines.push(line);
      return;
    }
    this.list = undefined;
    // The whole reply goes out at once: a list's answer is never interleaved with anything.
    let out = '';
    for (const [index, text] of list.lines.entries()) {
      let name = '';
      try {
        const parsed = splitCommandLine(text);
        name = parsed.name;
        if (name === 'idle' || name.startsWith('command_list')) throw new MpdAck(Ack.ARG, `${name} is not allowed in a command list`);
        if (name === 'close') return void this.socket.end(out);
        if (name !== 'noidle') out += await this.run(name, parsed.args);
        if (list.ok) out += 'list_OK\n';
      } catch (error) {
        const ack = asAck(error);
        return this.write(out + ackLine(ack.code, index, COMMANDS.has(name) || isConnectionCommand(name) ? name : '', ack.message));
      }
    }
    this.write(`${out}OK\n`);
  }

  /** One command's reply lines (without the OK); throws an MpdAck. */
  private async run(name: string, args: string[]): Promise<string> {
    if (name === 'password') return this.password(args);
    if (this.locked && !OPEN_COMMANDS.has(name)) throw new MpdAck(Ack.PERMISSION, `you don't have permission for "${name}"`);
    if (name === 'commands') return COMMAND_NAMES.map((command) => `command: ${command}\n`).join('');
    if (name === 'notcommands') return '';
    const spec = COMMANDS.get(name);
    if (!spec) throw new MpdAck(Ack.UNKNOWN, `unknown command "${name}"`);
    if (spec.min === spec.max && args.length !== spec.min) throw new MpdAck(Ack.ARG, `wrong number of arguments for "${name}"`);
    if (args.length < spec.min) throw new MpdAck(Ack.ARG, `too few arguments for "${name}"`);
    if (spec.max >= 0 && args.length > spec.max) throw new MpdAck(Ack.ARG, `too many arguments for "${name}"`);
    return (await spec.run(this.context, args)) ?? '';
  }

  private async password(args: string[]): Promise<string> {
    if (args.length !== 1) throw new MpdAck(Ack.ARG, 'wrong number of arguments for "password"');
    if (!(await this.deps.checkPassword(args[0]!))) throw new MpdAck(Ack.PASSWORD, 'incorrect password');
    this.locked = false;
    return '';
  }

  private startIdle(args: string[]): void {
    const wanted = new Set<IdleSubsystem>();
    for (const arg of args) {
      const subsystem = IDLE_SUBSYSTEMS.find((name) => name === arg.toLowerCase());
      if (!subsystem) throw new MpdAck(Ack.ARG, `Unrecognized idle event: ${arg}`);
      wanted.add(subsystem);
    }
    if (this.locked) throw new MpdAck(Ack.PERMISSION, 'you don\'t have permission for "idle"');
    this.idling = wanted.size === 0 ? new Set(IDLE_SUBSYSTEMS) : wanted;
    this.answerIdle(false);
  }

  /** Answers a waiting idle with what changed, if anything did (or at once for noidle). */
  private answerIdle(cancelled: boolean): void {
    const wanted = this.idling!;
    const changed = [...this.pending].filter((subsystem) => wanted.has(subsystem));
    if (changed.length === 0 && !cancelled) return;
    this.idling = undefined;
    this.pending.clear();
    this.write(`${changed.map((subsystem) => `changed: ${subsystem}\n`).join('')}OK\n`);
  }
}

function isConnectionCommand(name: string): boolean {
  return name === 'password' || name === 'idle' || name === 'command_list_end' || name === 'commands' || name === 'notcommands';
}
