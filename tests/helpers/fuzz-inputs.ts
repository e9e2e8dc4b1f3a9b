import { prng } from '../bench/lib/synthetic-db.js';

export interface Fuzzer {
  random: () => number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  int(max: number): number;
  text(): string;
  scalar(): unknown;
  json(depth?: number): unknown;
}

/** Values that have broken parsers and databases before: edges of numbers, odd text, wrong types. */
const NASTY_STRINGS = [
  '', ' ', '0', '-1', '1e20', '1e309', 'NaN', 'Infinity', '-0', '0x10', '1.5', '9'.repeat(30), '007',
  'null', 'true', '[]', '{}', '"', "'", '\\', '%', '%00', '%zz', '\u0000', '\u0000abc', 'a\u0000b', '\u001b[2J', '\u001b]0;x\u0007',
  '\r\n', '\t', '\u2028', '\ud800', '\uffff', '\u202e', 'ǅ', 'Ǆ', 'ß', 'İ', 'ﬁ', '１２３', '٣', 'e\u0301', '🎵'.repeat(50),
  "'; drop table songs; --", '" OR 1=1 --', 'NEAR(a b)', 'a* OR b*', '^"x"', 'title:x', '"unterminated', '*', '-', '+',
  '../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '__proto__', 'constructor', 'prototype',
  'x'.repeat(501), 'x'.repeat(5000), 'a '.repeat(300), 'a b c d e f g', 'love', 'Halo', 'alice', 'correct horse',
];

export function fuzzer(seed: number): Fuzzer {
  // Seeded, so a failing case can be replayed from its seed (FUZZ_SEED).
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => random() < p;
  const text = (): string => {
    if (chance(0.6)) return pick(NASTY_STRINGS);
    const length = int(40);
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCodePoint(chance(0.8) ? 32 + int(95) : int(0x2ffff));
    return out;
  };
  const scalar = (): unknown =>
    pick<() => unknown>([
      () => text(),
      () => int(10),
      () => pick([0, -1, 1, 2, 1.5, -0, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e20, -1e20, Number.MAX_VALUE, 5e-324]),
      () => pick([true, false, null]),
    ])();
  const json = (depth = 0): unknown => {
    if (depth > 3 || chance(0.5)) return scalar();
    if (chance(0.5)) return Array.from({ length: int(4) }, () => json(depth + 1));
    const keys = ['username', 'password', 'name', 'song_id', 'user_id', 'from', 'to', 'position', 'description', '__proto__', 'constructor', text()];
    return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(keys), json(depth + 1)]));
  };
  return { random, pick, chance, int, text, scalar, json };
}
