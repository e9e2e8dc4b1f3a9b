import { Ack, MpdAck } from './ack.js';
import { tagNamed, type MpdTag } from './tags.js';

/**
 * MPD's song filters: the expressions of MPD 0.21+ (`(artist == "x")`, `(!(...))`, `(a AND b)`,
 * `(base "dir")`, `(file == "uri")`, `(modified-since "...")`) and the older `TAG VALUE` pairs.
 * `find` compares exactly, `search` ignoring case (`fold`), as MPD does. Not `=~`/`!~`: see below.
 */
export type Operator = '==' | '!=' | 'contains' | 'starts_with';

export type SongFilter =
  /** `tag` null: a tag tunes does not keep (no song has a value for it); 'any': any tag. */
  | { kind: 'tag'; tag: MpdTag | 'any' | null; op: Operator; value: string }
  | { kind: 'file'; op: Operator; value: string }
  | { kind: 'base'; uri: string }
  | { kind: 'modified-since'; epochMs: number }
  | { kind: 'added-since'; epochMs: number }
  | { kind: 'not'; filter: SongFilter }
  | { kind: 'and'; filters: SongFilter[] };

export interface ParsedFilter {
  filter: SongFilter;
  fold: boolean;
}

/** A whole filter from a command's arguments: one expression, or TAG VALUE pairs (what `search`'s "any"/"file"/"base" take too). */
export function parseFilterArgs(args: readonly string[], fold: boolean): ParsedFilter {
  if (args.length === 0) throw new MpdAck(Ack.ARG, 'too few arguments');
  if (args[0]!.startsWith('(')) {
    if (args.length > 1) throw new MpdAck(Ack.ARG, 'Unknown filter argument');
    return { filter: parseExpression(args[0]!, fold), fold };
  }
  if (args.length % 2 !== 0) throw new MpdAck(Ack.ARG, 'Incorrect number of filter arguments');
  const filters: SongFilter[] = [];
  for (let i = 0; i < args.length; i += 2) filters.push(pairFilter(args[i]!, args[i + 1]!, fold));
  return { filter: filters.length === 1 ? filters[0]! : { kind: 'and', filters }, fold };
}

function pairFilter(name: string, value: string, fold: boolean): SongFilter {
  const lower = name.toLowerCase();
  // `search` matches parts of a value; `find` the whole value.
  const op: Operator = fold ? 'contains' : '==';
  if (lower === 'file') return { kind: 'file', op: fold ? 'contains' : '==', value };
  if (lower === 'base') return { kind: 'base', uri: value };
  if (lower === 'modified-since') return { kind: 'modified-since', epochMs: timeValue(value) };
  if (lower === 'added-since') return { kind: 'added-since', epochMs: timeValue(value) };
  if (lower === 'any') return { kind: 'tag', tag: 'any', op, value };
  return { kind: 'tag', tag: knownTag(name), op, value };
}

function knownTag(name: string): MpdTag | null {
  const tag = tagNamed(name);
  if (tag === undefined) throw new MpdAck(Ack.ARG, `Unknown tag type: ${name}`);
  return tag;
}

function timeValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw new MpdAck(Ack.ARG, 'Failed to parse time stamp');
  return parsed;
}

/** A recursive-descent parser over the expression text. */
function parseExpression(text: string, fold: boolean): SongFilter {
  let at = 0;
  const fail = (message: string): never => {
    throw new MpdAck(Ack.ARG, message);
  };
  const blanks = () => {
    while (text[at] === ' ' || text[at] === '\t') at += 1;
  };
  const run = (chars: RegExp): string => {
    const start = at;
    while (at < text.length && chars.test(text[at]!)) at += 1;
    return text.slice(start, at);
  };
  const word = () => run(/[A-Za-z0-9_-]/);
  const operator = () => (/[=!~]/.test(text[at] ?? '') ? run(/[=!~]/) : run(/[a-z_]/));
  const quoted = (): string => {
    const quote = text[at];
    if (quote !== '"' && quote !== "'") fail('Quoted string expected');
    at += 1;
    let value = '';
    while (at < text.length && text[at] !== quote) {
      if (text[at] === '\\') at += 1;
      if (at < text.length) value += text[at];
      at += 1;
    }
    if (at >= text.length) fail('Closing quote not found');
    at += 1;
    return value;
  };
  const expression = (): SongFilter => {
    blanks();
    if (text[at] !== '(') fail("'(' expected");
    at += 1;
    blanks();
    if (text[at] === '!') {
      at += 1;
      const inner = expression();
      blanks();
      if (text[at] !== ')') fail("')' expected");
      at += 1;
      return { kind: 'not', filter: inner };
    }
    if (text[at] === '(') {
      const filters = [expression()];
      for (;;) {
        blanks();
        if (text[at] === ')') break;
        if (word() !== 'AND') fail("'AND' expected");
        filters.push(expression());
      }
      at += 1;
      return filters.length === 1 ? filters[0]! : { kind: 'and', filters };
    }
    const name = word();
    if (name === '') fail('Tag name expected');
    blanks();
    const lower = name.toLowerCase();
    let filter: SongFilter;
    if (lower === 'base') filter = { kind: 'base', uri: quoted() };
    else if (lower === 'modified-since') filter = { kind: 'modified-since', epochMs: timeValue(quoted()) };
    else if (lower === 'added-since') filter = { kind: 'added-since', epochMs: timeValue(quoted()) };
    else {
      const op = operator();
      if (!['==', '!=', 'contains', 'starts_with', '=~', '!~'].includes(op)) fail(`Unknown filter operator: ${op || text.slice(at, at + 10)}`);
      blanks();
      const value = quoted();
      // A client's regular expression could keep the player's one thread busy for ever (catastrophic backtracking).
      if (op === '=~' || op === '!~') fail('Regular expressions are not supported');
      if (lower === 'file') {
        filter = { kind: 'file', op: op as Operator, value };
      } else {
        filter = { kind: 'tag', tag: lower === 'any' ? 'any' : knownTag(name), op: op as Operator, value };
      }
    }
    blanks();
    if (text[at] !== ')') fail("')' expected");
    at += 1;
    return filter;
  };
  const filter = expression();
  blanks();
  if (at < text.length) fail('Unparsed garbage after expression');
  return filter;
}
