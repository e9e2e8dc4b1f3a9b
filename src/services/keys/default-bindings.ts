import type { KeyContext } from './app-actions.js';

/**
 * The default key table: each action (a player command in the CLI's words, or an app action by
 * name) with its keys in the browser (`ui`) and in `tunes play` (`play`). A player command's keys
 * are the same in both unless said otherwise. The keys file changes this table; the `?` help and
 * the hints are made from the table in force.
 */
export interface DefaultBinding {
  action: string;
  keys: readonly string[] | Partial<Record<KeyContext, readonly string[]>>;
}

export const DEFAULT_BINDINGS: readonly DefaultBinding[] = [
  { action: 'down', keys: { ui: ['j', 'down'] } },
  { action: 'up', keys: { ui: ['k', 'up'] } },
  { action: 'top', keys: { ui: ['g', 'home'] } },
  { action: 'bottom', keys: { ui: ['G', 'end'] } },
  { action: 'page-down', keys: { ui: ['pagedown', 'ctrl+f'] } },
  { action: 'page-up', keys: { ui: ['pageup', 'ctrl+b'] } },
  { action: 'toggle-focus', keys: { ui: ['tab'] } },
  { action: 'focus-sidebar', keys: { ui: ['h'] } },
  { action: 'focus-list', keys: { ui: ['l'] } },
  { action: 'activate', keys: { ui: ['enter'] } },
  { action: 'back', keys: { ui: ['backspace', 'escape'] } },
  { action: 'search', keys: { ui: ['/'] } },

  { action: 'toggle', keys: ['space'] },
  { action: 'next', keys: ['n'] },
  { action: 'prev', keys: ['p'] },
  { action: 'seek back', keys: ['left'] },
  { action: 'seek forward', keys: ['right'] },
  { action: 'volume up', keys: ['+', '='] },
  { action: 'volume down', keys: ['-', '_'] },
  { action: 'mute', keys: ['m'] },
  { action: 'shuffle', keys: ['s'] },
  { action: 'repeat', keys: ['r'] },

  // cmus: e adds to the queue, E puts it first.
  { action: 'queue-end', keys: { ui: ['e'] } },
  { action: 'queue-next', keys: { ui: ['E'] } },
  { action: 'clear-queue', keys: { ui: ['C'] } },

  { action: 'add-to-playlist', keys: { ui: ['a'] } },
  { action: 'like', keys: { ui: ['L'] } },
  { action: 'remove', keys: { ui: ['d'] } },
  { action: 'move-down', keys: { ui: ['J'] } },
  { action: 'move-up', keys: { ui: ['K'] } },
  { action: 'create-playlist', keys: { ui: ['c'] } },
  { action: 'rename-playlist', keys: { ui: ['R'] } },
  { action: 'delete-playlist', keys: { ui: ['D'] } },

  // Last.fm's and Spotify's recaps step by year; [ and ] as in many pagers, A for all time.
  { action: 'stats-earlier', keys: { ui: ['['] } },
  { action: 'stats-later', keys: { ui: [']'] } },
  { action: 'stats-all-time', keys: { ui: ['A'] } },

  { action: 'lyrics', keys: { ui: ['y'] } },
  { action: 'info', keys: { ui: ['i'] } },
  { action: 'help', keys: { ui: ['?'] } },
  // The browser's q leaves the music playing (it lives in the player); `tunes play` is the music
  // in the foreground, so its q stops it (d leaves it playing).
  { action: 'quit', keys: { ui: ['Q'], play: ['q', 'escape', 'ctrl+c'] } },
  { action: 'detach', keys: { ui: ['q', 'ctrl+c'], play: ['d'] } },
];
