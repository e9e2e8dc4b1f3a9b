import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { KEY_MAP, commandForKey, helpSections, keyLabel, type Command } from '../../../src/ui/keys/key-map.js';
import { keyName } from '../../../src/ui/keys/key-name.js';
import { splitKeys } from '../../../src/ui/keys/split-keys.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false,
  end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false,
  meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

describe('key map', () => {
  it('binds every key the issue asks for to the right command', () => {
    const expected: Record<string, Command> = {
      j: 'down', down: 'down', k: 'up', up: 'up', g: 'top', G: 'bottom', pageup: 'pageUp', pagedown: 'pageDown',
      tab: 'toggleFocus', h: 'focusSidebar', l: 'focusList', enter: 'activate', space: 'togglePause', n: 'next',
      p: 'previous', left: 'seekBack', right: 'seekForward', '+': 'volumeUp', '-': 'volumeDown', s: 'shuffle',
      r: 'repeat', a: 'addToPlaylist', L: 'like', d: 'remove', J: 'moveDown', K: 'moveUp', c: 'createPlaylist',
      R: 'renamePlaylist', D: 'deletePlaylist', q: 'quit', '/': 'search', '?': 'help', 'ctrl+c': 'quit',
    };
    for (const [key, command] of Object.entries(expected)) expect(commandForKey(key), key).toBe(command);
    expect(commandForKey('x')).toBeUndefined();
  });

  it('feeds the help overlay with every command, grouped, with readable keys', () => {
    const rows = helpSections().flatMap((section) => section.rows);
    expect(rows).toHaveLength(Object.keys(KEY_MAP).length);
    expect(keyLabel('down')).toBe('j/↓');
    expect(keyLabel('quit')).toBe('q/Ctrl-c');
    expect(helpSections().map((s) => s.group)).toEqual(['Move', 'Open', 'Playback', 'Playlists', 'General']);
  });

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
