/**
 * Key names, as the keys file writes them and both key readers (Ink's in the browser, readline's
 * in `tunes play`) report them: a character as itself ("j", "G", "?", "+"), or one of these names;
 * ctrl+<letter> for control keys.
 */
export const NAMED_KEYS = [
  'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'backspace', 'delete', 'tab', 'shift+tab', 'space',
] as const;

export function isKeyName(key: string): boolean {
  if ((NAMED_KEYS as readonly string[]).includes(key)) return true;
  if (/^ctrl\+[a-z]$/.test(key)) return true;
  return [...key].length === 1 && key > ' ' && key !== '\x7f';
}

const PRETTY: Record<string, string> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  enter: 'Enter',
  escape: 'Esc',
  backspace: 'Bksp',
  delete: 'Del',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  space: 'Space',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
};

/** How a key is written for people: "↓", "Ctrl-c", "Space". */
export function prettyKey(key: string): string {
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5)}`;
  return PRETTY[key] ?? key;
}

/** A key press as Node's readline reports it (`tunes play`), by the table's name. */
export function readlineKeyName(key: { name?: string | undefined; sequence?: string | undefined; ctrl?: boolean | undefined; shift?: boolean | undefined }): string | undefined {
  if (key.ctrl && key.name && /^[a-z]$/.test(key.name)) return `ctrl+${key.name}`;
  switch (key.name) {
    case 'return':
      return 'enter';
    case 'tab':
      return key.shift ? 'shift+tab' : 'tab';
    case 'space':
    case 'up':
    case 'down':
    case 'left':
    case 'right':
    case 'pageup':
    case 'pagedown':
    case 'home':
    case 'end':
    case 'escape':
    case 'backspace':
    case 'delete':
      return key.name;
    default:
      return key.sequence !== undefined && [...key.sequence].length === 1 ? key.sequence : undefined;
  }
}
