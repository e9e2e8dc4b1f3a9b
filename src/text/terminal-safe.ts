/**
 * Text that came from outside (tags, file names, user and playlist names, a server's error message)
 * on its way to a terminal. A terminal acts on control characters: ESC starts CSI/OSC/DCS sequences
 * that can clear the screen, set the window title or write the clipboard; C1 bytes (U+0080-U+009F)
 * do the same on terminals that honour them; bidi overrides make text read in another order than it
 * is stored. Each becomes a visible, harmless stand-in, so a crafted tag shows as what it is.
 *
 * `--json` output never goes through this (JSON escapes control characters itself), nor do files
 * written with `-o`: those keep the exact text.
 */

/** C0 controls and DEL, C1 controls, and the bidi embeddings, overrides, isolates and marks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The same, but line feeds are kept (multi-line text: lyrics, a block of help). */
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** U+2400.. are the Control Pictures: ␛ for ESC, ␊ for a line feed, ␀ for NUL; ␡ for DEL. */
function standIn(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x09) return ' ';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  // C1 controls and bidi formatting characters have no picture of their own.
  return '\ufffd';
}

/**
 * One field (a title, a name) made safe for a terminal: every control character, line breaks
 * included, becomes a visible stand-in, so the field stays on its line.
 */
export function terminalSafe(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, standIn) : text;
}

/** Like terminalSafe, but keeps line feeds (a CR LF pair becomes one line feed). */
export function terminalSafeLines(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE_BUT_NEWLINE, standIn);
}

/** Whether `text` holds anything terminalSafe would replace. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** What JSON.stringify leaves raw but a terminal may act on: DEL, C1 controls, bidi formatting, U+2028/9. */
const JSON_RAW_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/**
 * JSON.stringify for a stream that may be a terminal (`--json` on stdout, errors on stderr). JSON
 * already escapes C0 controls; the characters it leaves raw that a terminal would act on are written
 * as \u escapes too. A parser reads back exactly the same value, so `--json` stays exact.
 */
export function terminalSafeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(JSON_RAW_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
