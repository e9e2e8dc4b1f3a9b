import { Ack, MpdAck } from './ack.js';

/** Argument readers with MPD's own error messages. */
export function integerArg(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new MpdAck(Ack.ARG, `Integer expected: ${text}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new MpdAck(Ack.ARG, `Number too large: ${text}`);
  return value;
}

export function unsignedArg(text: string): number {
  const value = integerArg(text);
  if (value < 0) throw new MpdAck(Ack.ARG, `Number is negative: ${text}`);
  return value;
}

export function booleanArg(text: string): boolean {
  if (text === '0') return false;
  if (text === '1') return true;
  throw new MpdAck(Ack.ARG, `Boolean (0/1) expected: ${text}`);
}

/** Seconds, fractions allowed ("30", "1.5"); `signed` lets "+5"/"-5" through (and says which). */
export function secondsArg(text: string): { seconds: number; relative: boolean } {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new MpdAck(Ack.ARG, `Float expected: ${text}`);
  return { seconds: Number(text), relative: text.startsWith('+') || text.startsWith('-') };
}

/** "N" or "START:END" (END exclusive, may be left out: to the end), checked against `length`. */
export function rangeArg(text: string, length: number): { start: number; end: number } {
  const match = /^(\d+)(?::(\d*))?$/.exec(text);
  if (!match) throw new MpdAck(Ack.ARG, `Integer expected: ${text}`);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start + 1 : match[2] === '' ? length : Number(match[2]);
  if (end < start) throw new MpdAck(Ack.ARG, 'Malformed range');
  if (start >= length && !(match[2] !== undefined && start === length)) throw new MpdAck(Ack.ARG, 'Bad song index');
  return { start, end: Math.min(end, length) };
}

/** A queue position that must exist. */
export function positionArg(text: string, length: number): number {
  const position = unsignedArg(text);
  if (position >= length) throw new MpdAck(Ack.ARG, 'Bad song index');
  return position;
}
