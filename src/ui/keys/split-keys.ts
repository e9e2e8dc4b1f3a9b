import type { Key } from 'ink';

export const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Ink hands over a burst of plain input (a paste, or keys typed faster than it reads) as one string,
 * Tabs and Enters included. This splits it back into key presses: runs of printable text stay
 * together (a pasted word), each control character becomes its own key.
 */
export function splitKeys(input: string, key: Key, keepTextRuns: boolean): Array<[string, Key]> {
  // Esc and the next key arriving together (typed fast, or over ssh) read as Alt+key. tunes binds no
  // Alt keys, so it is what was typed: Esc, then the key. Ink reports this only for a letter, digit or
  // space after the Esc; Esc followed by other keys (/, Enter, arrows) still reaches us as that key alone.
  if (key.meta && !key.ctrl && !key.escape && input.length === 1 && input >= ' ' && input !== '\x7f') {
    return [['', { ...NO_KEY, escape: true }], [input, { ...NO_KEY, shift: input !== input.toLowerCase() }]];
  }
  if (input.length <= 1 || key.escape || key.meta || key.ctrl) return [[input, key]];
  const out: Array<[string, Key]> = [];
  let run = '';
  const flush = () => {
    if (run) out.push([run, { ...NO_KEY, shift: run.length === 1 && run !== run.toLowerCase() }]);
    run = '';
  };
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) {
      if (keepTextRuns) run += ch;
      else out.push([ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() }]);
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') out.push(['', { ...NO_KEY, return: true }]);
    else if (ch === '\t') out.push(['', { ...NO_KEY, tab: true }]);
    else if (code === 0x7f || code === 0x08) out.push(['', { ...NO_KEY, backspace: true }]);
    else if (code >= 1 && code <= 26) out.push([String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }]);
  }
  flush();
  return out;
}
