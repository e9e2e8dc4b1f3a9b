import { isTunesError } from '../../../errors.js';

/** MPD's error numbers (src/protocol/Ack.hxx in MPD). */
export const Ack = {
  NOT_LIST: 1,
  ARG: 2,
  PASSWORD: 3,
  PERMISSION: 4,
  UNKNOWN: 5,
  NO_EXIST: 50,
  PLAYLIST_MAX: 51,
  SYSTEM: 52,
  PLAYLIST_LOAD: 53,
  UPDATE_ALREADY: 54,
  PLAYER_SYNC: 55,
  EXIST: 56,
} as const;
export type AckCode = (typeof Ack)[keyof typeof Ack];

/** A command's failure as MPD reports it: `ACK [code@index] {command} message`. */
export class MpdAck extends Error {
  constructor(
    readonly code: AckCode,
    message: string,
  ) {
    super(message);
  }
}

/** One ACK line; `index` is the failing command's place in a command list (0 outside one). */
export function ackLine(code: AckCode, index: number, command: string, message: string): string {
  return `ACK [${code}@${index}] {${command}} ${oneLine(message)}\n`;
}

/** What the player's own errors (TunesError codes) become. */
export function asAck(error: unknown): MpdAck {
  if (error instanceof MpdAck) return error;
  if (isTunesError(error)) {
    switch (error.code) {
      case 'not_found':
        return new MpdAck(Ack.NO_EXIST, error.message);
      case 'usage':
      case 'invalid_input':
        return new MpdAck(Ack.ARG, error.message);
      case 'not_logged_in':
      case 'auth_failed':
      case 'forbidden':
        return new MpdAck(Ack.PERMISSION, error.message);
      case 'conflict':
        return new MpdAck(Ack.EXIST, error.message);
      default:
        return new MpdAck(Ack.SYSTEM, error.message);
    }
  }
  return new MpdAck(Ack.SYSTEM, error instanceof Error ? error.message : String(error));
}

/** A value on one protocol line: line breaks would end the line early. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\0]+/g, ' ');
}
