/** Terminal cells a character takes: CJK, fullwidth forms and emoji take two; combining marks none. */
export function charCells(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (/\p{M}/u.test(char)) return 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

export function textCells(text: string): number {
  let total = 0;
  for (const char of text) total += charCells(char);
  return total;
}

/** At most `max` cells, cut with … when longer; control characters become spaces. */
export function clipCells(text: string, max: number): string {
  const clean = text.replace(/\p{Cc}+/gu, ' ');
  if (textCells(clean) <= max) return clean;
  let out = '';
  let used = 0;
  for (const char of clean) {
    if (used + charCells(char) > max - 1) break;
    out += char;
    used += charCells(char);
  }
  return `${out}…`;
}
