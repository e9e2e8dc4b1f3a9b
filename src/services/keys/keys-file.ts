import { TunesError } from '../../errors.js';
import { KEY_CONTEXTS, type KeyContext } from './app-actions.js';
import { isKeyName } from './key-names.js';

/**
 * The keys file: one directive a line, `#` starts a comment line.
 *
 *     bind [ui|play] KEY ACTION...    ACTION: a player command (next, seek +10, volume -5,
 *                                     queue clear, ...) or an action of the browser (down, search,
 *                                     queue-next, quit, ...; `tunes keys` lists them)
 *     unbind [ui|play] KEY
 *
 * Without `ui` or `play` a directive applies wherever its action means something: a player
 * command in both the browser and `tunes play`, a browser action in the browser.
 */
export interface KeysDirective {
  line: number;
  op: 'bind' | 'unbind';
  context?: KeyContext;
  key: string;
  /** The action's words, for bind. */
  action?: string;
}

export function parseKeysFile(text: string, path: string): KeysDirective[] {
  const directives: KeysDirective[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const fail = (message: string) => new TunesError('invalid_input', `${path} line ${line}: ${message}`);
    const words = raw.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words[0]!.startsWith('#')) return;
    const [op, ...rest] = words;
    if (op !== 'bind' && op !== 'unbind') throw fail(`"${op}" is not a directive (bind KEY ACTION, or unbind KEY)`);
    const context = KEY_CONTEXTS.includes(rest[0] as KeyContext) ? (rest.shift() as KeyContext) : undefined;
    const key = rest.shift();
    if (key === undefined) throw fail(`${op} needs a key`);
    if (!isKeyName(key)) throw fail(`"${key}" is not a key name (a character, or up, down, left, right, enter, space, tab, escape, ctrl+x, ...)`);
    if (op === 'unbind') {
      if (rest.length > 0) throw fail(`unbind takes only a key (got "${rest.join(' ')}" after it)`);
      directives.push({ line, op, key, ...(context ? { context } : {}) });
      return;
    }
    if (rest.length === 0) throw fail(`bind ${key} needs an action`);
    directives.push({ line, op, key, action: rest.join(' '), ...(context ? { context } : {}) });
  });
  return directives;
}
