/**
 * The one table of key bindings: input handling and the `?` help overlay are both generated from it,
 * so a key can never work without being documented (or be documented without working).
 */
export type CommandGroup = 'Move' | 'Open' | 'Playback' | 'Playlists' | 'General';

export interface KeyBinding {
  /** Key names as produced by `keyName` (see key-name.ts). The first one is shown in hints. */
  keys: readonly string[];
  group: CommandGroup;
  description: string;
}

export const KEY_MAP = {
  down: { keys: ['j', 'down'], group: 'Move', description: 'move down' },
  up: { keys: ['k', 'up'], group: 'Move', description: 'move up' },
  top: { keys: ['g', 'home'], group: 'Move', description: 'go to the top' },
  bottom: { keys: ['G', 'end'], group: 'Move', description: 'go to the bottom' },
  pageDown: { keys: ['pagedown', 'ctrl+f'], group: 'Move', description: 'page down' },
  pageUp: { keys: ['pageup', 'ctrl+b'], group: 'Move', description: 'page up' },
  toggleFocus: { keys: ['tab'], group: 'Move', description: 'switch between sidebar and list' },
  focusSidebar: { keys: ['h'], group: 'Move', description: 'focus the sidebar' },
  focusList: { keys: ['l'], group: 'Move', description: 'focus the list' },

  activate: { keys: ['enter'], group: 'Open', description: 'play the song (list becomes the queue) / open' },
  back: { keys: ['backspace', 'escape'], group: 'Open', description: 'go back (album -> artist -> artists; up a folder)' },
  search: { keys: ['/'], group: 'Open', description: 'search songs (Enter keeps results, Esc leaves)' },

  togglePause: { keys: ['space'], group: 'Playback', description: 'pause / resume' },
  next: { keys: ['n'], group: 'Playback', description: 'next song' },
  previous: { keys: ['p'], group: 'Playback', description: 'previous song' },
  seekBack: { keys: ['left'], group: 'Playback', description: 'seek back 5 s' },
  seekForward: { keys: ['right'], group: 'Playback', description: 'seek forward 5 s' },
  volumeUp: { keys: ['+', '='], group: 'Playback', description: 'volume up' },
  volumeDown: { keys: ['-'], group: 'Playback', description: 'volume down' },
  mute: { keys: ['m'], group: 'Playback', description: 'mute / unmute' },
  shuffle: { keys: ['s'], group: 'Playback', description: 'shuffle on / off' },
  repeat: { keys: ['r'], group: 'Playback', description: 'repeat: off -> all -> one' },

  addToPlaylist: { keys: ['a'], group: 'Playlists', description: 'add the song (or the whole folder) to a playlist' },
  like: { keys: ['L'], group: 'Playlists', description: 'like / unlike the song' },
  remove: { keys: ['d'], group: 'Playlists', description: 'remove from this playlist / the queue' },
  moveDown: { keys: ['J'], group: 'Playlists', description: 'move the song down (playlist / queue)' },
  moveUp: { keys: ['K'], group: 'Playlists', description: 'move the song up (playlist / queue)' },
  createPlaylist: { keys: ['c'], group: 'Playlists', description: 'create a playlist' },
  renamePlaylist: { keys: ['R'], group: 'Playlists', description: 'rename the playlist' },
  deletePlaylist: { keys: ['D'], group: 'Playlists', description: 'delete the playlist' },

  help: { keys: ['?'], group: 'General', description: 'show / hide this help' },
  quit: { keys: ['q', 'ctrl+c'], group: 'General', description: 'quit' },
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof KEY_MAP;

export const COMMAND_GROUPS: readonly CommandGroup[] = ['Move', 'Open', 'Playback', 'Playlists', 'General'];

const byKey = new Map<string, Command>();
for (const [command, binding] of Object.entries(KEY_MAP) as Array<[Command, KeyBinding]>) {
  for (const key of binding.keys) {
    if (byKey.has(key)) throw new Error(`key ${key} is bound twice (${byKey.get(key)} and ${command})`);
    byKey.set(key, command);
  }
}

export function commandForKey(name: string | undefined): Command | undefined {
  return name === undefined ? undefined : byKey.get(name);
}

/** How a binding's keys are written for people: "j/↓". */
export function keyLabel(command: Command): string {
  return KEY_MAP[command].keys.map(prettyKey).join('/');
}

const PRETTY: Record<string, string> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  enter: 'Enter',
  escape: 'Esc',
  backspace: 'Bksp',
  tab: 'Tab',
  space: 'Space',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
};

export function prettyKey(key: string): string {
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5)}`;
  return PRETTY[key] ?? key;
}

export interface HelpSection {
  group: CommandGroup;
  rows: Array<{ keys: string; description: string }>;
}

/** The help overlay's content, straight from the table; seeks say the step in force. */
export function helpSections({ seekSeconds = 5 }: { seekSeconds?: number } = {}): HelpSection[] {
  const describe = (command: Command): string => {
    if (command === 'seekBack') return `seek back ${seekSeconds} s`;
    if (command === 'seekForward') return `seek forward ${seekSeconds} s`;
    return KEY_MAP[command].description;
  };
  return COMMAND_GROUPS.map((group) => ({
    group,
    rows: (Object.keys(KEY_MAP) as Command[])
      .filter((command) => KEY_MAP[command].group === group)
      .map((command) => ({ keys: keyLabel(command), description: describe(command) })),
  }));
}
