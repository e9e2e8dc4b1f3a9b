import type { AgeField, Comparison, NumberField, Rule, TextField } from '../../domain/smart-rules.js';
import { TunesError } from '../../errors.js';

/**
 * A rule that cannot be read: where (0-based column, length) and what. The CLI draws a caret under
 * `source`; JSON and HTTP callers get `column`.
 */
export class RuleSyntaxError extends TunesError {
  constructor(
    message: string,
    readonly source: string,
    readonly column: number,
    readonly length: number,
  ) {
    super('invalid_input', `${message} (at column ${column + 1})`);
  }

  /** The rules with a caret line under the part that is wrong, as a compiler shows it. */
  excerpt(): [string, string] {
    return [this.source, `${' '.repeat(this.column)}${'^'.repeat(Math.max(1, this.length))}`];
  }
}

interface Token {
  type: 'word' | 'string' | 'open' | 'close' | 'minus';
  text: string;
  at: number;
  end: number;
}

const MAX_RULES_LENGTH = 2000;
const MAX_DEPTH = 32;

/**
 * Reads the rule language (README: "Smart playlists"). Hand-written recursive descent: the
 * grammar is a dozen lines, a parser library would be larger than it and worse at saying where an
 * error is.
 *
 *   rules   := or?
 *   or      := and ("or" and)*
 *   and     := unary ("and"? unary)*
 *   unary   := ("-" | "not") unary | "(" or ")" | term
 *   term    := "liked" | FIELD ":" value | WORD | "quoted words"
 */
export function parseRules(source: string): Rule {
  if (source.length > MAX_RULES_LENGTH) throw new TunesError('invalid_input', `rules can be at most ${MAX_RULES_LENGTH} characters`);
  const tokens = tokenize(source);
  if (tokens.length === 0) return { kind: 'all' };
  let index = 0;
  let depth = 0;
  const fail = (message: string, token: Token | undefined): never => {
    const at = token?.at ?? source.length;
    throw new RuleSyntaxError(message, source, at, token ? token.end - token.at : 1);
  };
  const peek = () => tokens[index];
  const isWord = (token: Token | undefined, word: string) => token?.type === 'word' && token.text.toLowerCase() === word;

  function parseOr(): Rule {
    const rules = [parseAnd()];
    while (isWord(peek(), 'or')) {
      index += 1;
      if (peek() === undefined || peek()!.type === 'close') fail('"or" needs a rule after it', peek() ?? tokens[index - 1]);
      rules.push(parseAnd());
    }
    return rules.length === 1 ? rules[0]! : { kind: 'or', rules };
  }

  function parseAnd(): Rule {
    const rules = [parseUnary()];
    for (;;) {
      const next = peek();
      if (next === undefined || next.type === 'close' || isWord(next, 'or')) break;
      if (isWord(next, 'and')) {
        index += 1;
        if (peek() === undefined) fail('"and" needs a rule after it', next);
      }
      rules.push(parseUnary());
    }
    return rules.length === 1 ? rules[0]! : { kind: 'and', rules };
  }

  function parseUnary(): Rule {
    const token = peek();
    if (token === undefined) return fail('a rule was expected here', undefined);
    if (token.type === 'minus' || isWord(token, 'not')) {
      index += 1;
      if (peek() === undefined) fail(`"${token.text}" needs a rule after it`, token);
      return { kind: 'not', rule: parseUnary() };
    }
    if (token.type === 'open') {
      depth += 1;
      if (depth > MAX_DEPTH) fail(`parentheses can nest at most ${MAX_DEPTH} deep`, token);
      index += 1;
      if (peek()?.type === 'close') fail('empty parentheses', token);
      const inner = parseOr();
      if (peek()?.type !== 'close') fail('this "(" is never closed', token);
      index += 1;
      depth -= 1;
      return inner;
    }
    if (token.type === 'close') return fail('this ")" has no "(" before it', token);
    index += 1;
    return parseTerm(token, fail);
  }

  const rule = parseOr();
  if (index < tokens.length) fail('this ")" has no "(" before it', tokens[index]);
  return rule;
}

type Fail = (message: string, token: Token | undefined) => never;

const TEXT_FIELDS: Record<string, TextField> = { title: 'title', artist: 'artist', album: 'album', genre: 'genre' };
const NUMBER_FIELDS: Record<string, NumberField> = { year: 'year', plays: 'plays', duration: 'duration_ms' };
const AGE_FIELDS: Record<string, AgeField> = { added: 'added', played: 'played' };
const FIELDS = [...Object.keys(TEXT_FIELDS), ...Object.keys(NUMBER_FIELDS), ...Object.keys(AGE_FIELDS)];

function parseTerm(token: Token, fail: Fail): Rule {
  if (token.type === 'string') return { kind: 'text', field: 'any', value: token.text };
  const colon = token.text.indexOf(':');
  if (colon < 0) {
    if (token.text.toLowerCase() === 'liked') return { kind: 'liked' };
    if (/^(and|or|not)$/i.test(token.text)) fail(`"${token.text}" needs a rule on each side`, token);
    if (!/[\p{L}\p{N}]/u.test(token.text)) fail(`"${token.text}" has nothing to match`, token);
    return { kind: 'text', field: 'any', value: token.text };
  }
  const name = token.text.slice(0, colon).toLowerCase();
  const raw = token.text.slice(colon + 1);
  const valueToken: Token = { ...token, at: token.at + colon + 1 };
  if (!FIELDS.includes(name)) {
    fail(`unknown field "${name}" (fields: ${FIELDS.join(', ')}, and the word liked)`, { ...token, end: token.at + colon });
  }
  if (raw === '') fail(`"${name}:" needs a value`, { ...token, at: token.at + colon, end: token.at + colon + 1 });
  const text = TEXT_FIELDS[name];
  if (text) return { kind: 'text', field: text, value: raw };
  const number = NUMBER_FIELDS[name];
  if (number) return numberRule(number, name, raw, valueToken, fail);
  return ageRule(AGE_FIELDS[name]!, name, raw, valueToken, fail);
}

function comparison(raw: string): { op: Comparison; rest: string } {
  const match = /^(<=|>=|<|>|=)?(.*)$/s.exec(raw)!;
  return { op: (match[1] as Comparison | undefined) ?? '=', rest: match[2]! };
}

function numberRule(field: NumberField, name: string, raw: string, token: Token, fail: Fail): Rule {
  const read = (text: string) => {
    const value = field === 'duration_ms' ? durationMs(text) : /^\d{1,9}$/.test(text) ? Number(text) : undefined;
    if (value === undefined) {
      fail(field === 'duration_ms' ? `"${text}" is not a length (like 90s, 5m, 1h30m)` : `"${text}" is not a whole number`, token);
    }
    return value!;
  };
  const range = /^([^.<>=]+)\.\.([^.]+)$/.exec(raw);
  if (range) {
    const from = read(range[1]!);
    const to = read(range[2]!);
    if (from > to) fail(`the range ${raw} is backwards`, token);
    return { kind: 'range', field, from, to };
  }
  const { op, rest } = comparison(raw);
  if (rest === '') fail(`"${name}:${op}" needs a value`, token);
  return { kind: 'number', field, op, value: read(rest) };
}

const AGE_UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, mo: 30 * 86_400_000, y: 365 * 86_400_000 };

function ageRule(field: AgeField, name: string, raw: string, token: Token, fail: Fail): Rule {
  const { op, rest } = comparison(raw);
  const match = /^(\d{1,6})(h|d|w|mo|y)$/.exec(rest);
  if (!match) fail(`"${rest || raw}" is not an age (like 12h, 30d, 2w, 6mo, 1y), as in ${name}:<30d`, token);
  return { kind: 'age', field, op, ms: Number(match![1]) * AGE_UNITS[match![2]!]! };
}

/** 90s, 5m, 1h30m, 4:30 (minutes:seconds). */
function durationMs(text: string): number | undefined {
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(text);
  if (clock) return (Number(clock[1]) * 60 + Number(clock[2])) * 1000;
  const parts = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(text);
  if (!parts || text === '') return undefined;
  const [, h, m, s] = parts;
  return ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s ?? 0)) * 1000;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', text: ch, at: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (ch === '-' && i + 1 < source.length && !/\s/.test(source[i + 1]!)) {
      tokens.push({ type: 'minus', text: '-', at: i, end: i + 1 });
      i += 1;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    while (i < source.length && !/[\s()]/.test(source[i]!)) {
      if (source[i] === '"') {
        const close = source.indexOf('"', i + 1);
        if (close < 0) throw new RuleSyntaxError('this quote is never closed', source, i, 1);
        text += source.slice(i + 1, close);
        quoted = true;
        i = close + 1;
      } else {
        text += source[i];
        i += 1;
      }
    }
    if (quoted && !text.includes(':') && text.trim() === '') throw new RuleSyntaxError('empty quotes', source, start, i - start);
    tokens.push({ type: quoted && source[start] === '"' ? 'string' : 'word', text, at: start, end: i });
  }
  return tokens;
}
