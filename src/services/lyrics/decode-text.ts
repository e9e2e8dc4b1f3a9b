import { analyse } from 'chardet';

/** Below this chardet confidence (0-100) a guess is not trusted: windows-1252 is the fallback. */
const TRUSTED_CONFIDENCE = 50;

/**
 * Text of a lyrics file as it was meant: a UTF-8 or UTF-16 byte-order mark says which; valid UTF-8
 * is UTF-8; UTF-16 without a mark is told by its zero bytes; anything else is what chardet says
 * when it is sure (GBK, Shift_JIS, windows-1251 lyrics are common), else windows-1252 (a superset
 * of latin1 for text: every byte decodes to something).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const utf16 = unmarkedUtf16(bytes);
  if (utf16) return decode(utf16, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const guess = analyse(bytes).find((match) => match.confidence >= TRUSTED_CONFIDENCE && decodable(match.name));
    return guess && !/^(windows-1252|iso-8859-1|ascii)$/i.test(guess.name) ? decode(guess.name, bytes) : windows1252(bytes);
  }
}

/** 0x80-0x9F of windows-1252 (undefined: unassigned, kept as the C1 code, which the sanitizer drops). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * windows-1252 by hand: Node 20's TextDecoder decodes that label as latin1 (its fast path), which
 * turns curly quotes and dashes into C1 control codes.
 */
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    out += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  }
  return out;
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

function decodable(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** Mostly-ASCII UTF-16 without a mark: one byte of each pair is zero, on the same side. */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.min(512, Math.floor(bytes.length / 2));
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (bytes[2 * i] === 0) evenZero += 1;
    if (bytes[2 * i + 1] === 0) oddZero += 1;
  }
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return undefined;
}
