import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { buildKeyTable } from '../../../src/services/keys/key-table.js';
import { DEFAULT_STEPS } from '../../../src/services/playback/command-words.js';
import { keyName } from '../../../src/ui/keys/key-name.js';
import { splitKeys } from '../../../src/ui/keys/split-keys.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false,
  end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false,
  meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

describe('key table (browser)', () => {
  const { table } = buildKeyTable(DEFAULT_STEPS);
  const id = (key: string) => {
    const action = table.action('ui', key);
    return action?.kind === 'app' ? action.id : action?.id;
  };

  it('binds every key the browser documents to the right action', () => {
    const expected: Record<string, string> = {
      j: 'down', down: 'down', k: 'up', up: 'up', g: 'top', G: 'bottom', pageup: 'page-up', pagedown: 'page-down',
      tab: 'toggle-focus', h: 'focus-sidebar', l: 'focus-list', enter: 'activate', space: 'toggle', n: 'next',
      p: 'prev', left: 'seek back', right: 'seek forward', '+': 'volume up', '-': 'volume down', s: 'shuffle',
      r: 'repeat', a: 'add-to-playlist', L: 'like', d: 'remove', J: 'move-down', K: 'move-up', c: 'create-playlist',
      R: 'rename-playlist', D: 'delete-playlist', q: 'detach', Q: 'quit', '/': 'search', '?': 'help', 'ctrl+c': 'detach',
      e: 'queue-end', E: 'queue-next', C: 'clear-queue', m: 'mute', '[': 'stats-earlier', ']': 'stats-later', A: 'stats-all-time',
    };
    for (const [key, action] of Object.entries(expected)) expect(id(key), key).toBe(action);
    expect(table.action('ui', 'x')).toBeUndefined();
    // Playback keys are player commands, the same ones `tunes next` or MPRIS send.
    expect(table.action('ui', 'n')).toMatchObject({ kind: 'player', command: { type: 'next' } });
  });

  it('feeds the help overlay with every action, grouped, with readable keys', () => {
    const sections = table.help('ui');
    expect(sections.map((s) => s.group)).toEqual(['Move', 'Open', 'Playback', 'Queue', 'Playlists', 'Stats', 'General']);
    const rows = sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.id === 'down')?.keys).toBe('j/↓');
    expect(rows.find((r) => r.id === 'detach')).toMatchObject({ keys: 'q/Ctrl-c', description: 'quit; the music plays on' });
    expect(rows.find((r) => r.id === 'quit')).toMatchObject({ keys: 'Q', description: 'stop the music and quit' });
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe('keys file', () => {
  const file = (text: string) => buildKeyTable(DEFAULT_STEPS, { path: '/home/me/.config/tunes/keys', text });

  it('rebinds, unbinds and adds keys, per context or in both', () => {
    const { table, problem } = file(['# my keys', '', 'bind x next', 'bind ui n down', 'unbind play q', 'bind right seek +30', 'bind play Q quit'].join('\n'));
    expect(problem).toBeUndefined();
    expect(table.action('ui', 'x')).toMatchObject({ command: { type: 'next' } });
    expect(table.action('play', 'x')).toMatchObject({ command: { type: 'next' } });
    expect(table.action('ui', 'n')).toMatchObject({ kind: 'app', id: 'down' });
    expect(table.action('play', 'n')).toMatchObject({ command: { type: 'next' } });
    expect(table.action('play', 'q')).toBeUndefined();
    expect(table.action('play', 'Q')).toMatchObject({ kind: 'app', id: 'quit' });
    expect(table.action('ui', 'right')).toMatchObject({ command: { type: 'seek', seconds: 30 } });
    // The help shows the bindings in force, not the defaults.
    const next = table.help('ui').flatMap((s) => s.rows).find((r) => r.id === 'next');
    expect(next?.keys).toBe('x');
  });

  it('a mistake is one error naming the file and line, and the defaults stay', () => {
    const { table, problem } = file(['bind x next', '# fine so far', 'bind y nxet', 'bind z prev'].join('\n'));
    expect(problem).toMatch(/^\/home\/me\/\.config\/tunes\/keys line 3: unknown action "nxet" .*; using the default keys$/);
    expect(table.action('ui', 'x')).toBeUndefined();
    expect(table.action('ui', 'n')).toMatchObject({ command: { type: 'next' } });
    expect(file('bind ctrl+shift+q quit').problem).toMatch(/line 1: "ctrl\+shift\+q" is not a key name/);
    expect(file('frob x next').problem).toMatch(/line 1: "frob" is not a directive/);
    expect(file('bind play j down').problem).toMatch(/line 1: down is not an action of tunes play/);
    expect(file('bind x seek sideways').problem).toMatch(/line 1: seek takes \+10, -5, 90 or 1:30/);
    expect(file('unbind x y').problem).toMatch(/line 1: unbind takes only a key/);
  });
});

describe('key names and bursts', () => {
  it('names Ink key presses the way the table spells them', () => {
    expect(keyName('j', noKey)).toBe('j');
    expect(keyName('G', { ...noKey, shift: true })).toBe('G');
    expect(keyName('', { ...noKey, downArrow: true })).toBe('down');
    expect(keyName(' ', noKey)).toBe('space');
    expect(keyName('c', { ...noKey, ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { ...noKey, delete: true })).toBe('backspace');
    expect(keyName('', { ...noKey, return: true })).toBe('enter');
    expect(keyName('jk', noKey)).toBeUndefined();
  });

  it('splits a burst of input back into key presses', () => {
    const split = splitKeys('alice\tpw\r', noKey, true);
    expect(split.map(([input, key]) => (key.tab ? 'TAB' : key.return ? 'ENTER' : input))).toEqual(['alice', 'TAB', 'pw', 'ENTER']);
    expect(splitKeys('jJ', noKey, false).map(([input, key]) => keyName(input, key))).toEqual(['j', 'J']);
    expect(splitKeys('j', noKey, false)).toEqual([['j', noKey]]);
  });
});
