/**
 * The actions of the full-screen browser and of `tunes play` that are not player commands: moving
 * in lists, opening things, playlists, help and quitting. They live in the same key table as the
 * player commands (see default-bindings.ts); the keys file names them by these names.
 */
export type KeyContext = 'ui' | 'play';
export const KEY_CONTEXTS: readonly KeyContext[] = ['ui', 'play'];

export type HelpGroup = 'Move' | 'Open' | 'Playback' | 'Queue' | 'Playlists' | 'Stats' | 'General';
export const HELP_GROUPS: readonly HelpGroup[] = ['Move', 'Open', 'Playback', 'Queue', 'Playlists', 'Stats', 'General'];

export interface AppActionSpec {
  group: HelpGroup;
  description: string;
  /** Where the action means something. */
  contexts: readonly KeyContext[];
}

const ui = (group: HelpGroup, description: string): AppActionSpec => ({ group, description, contexts: ['ui'] });

export const APP_ACTIONS = {
  down: ui('Move', 'move down'),
  up: ui('Move', 'move up'),
  top: ui('Move', 'go to the top'),
  bottom: ui('Move', 'go to the bottom'),
  'page-down': ui('Move', 'page down'),
  'page-up': ui('Move', 'page up'),
  'toggle-focus': ui('Move', 'switch between sidebar and list'),
  'focus-sidebar': ui('Move', 'focus the sidebar'),
  'focus-list': ui('Move', 'focus the list'),
  activate: ui('Open', 'play the song (the list becomes the queue) / open; in the Queue, play from there'),
  back: ui('Open', 'go back (album -> artist -> artists; up a folder)'),
  search: ui('Open', 'search songs (Enter keeps results, Esc leaves)'),
  'queue-end': ui('Queue', 'add the selection (song, album, artist, folder, playlist) to the end of the queue'),
  'queue-next': ui('Queue', 'play the selection next, after the current song'),
  'clear-queue': ui('Queue', 'clear the queue (asks first)'),
  'add-to-playlist': ui('Playlists', 'add the song (or the whole folder) to a playlist'),
  like: ui('Playlists', 'like / unlike the song'),
  remove: ui('Playlists', 'remove from this playlist / the queue'),
  'move-down': ui('Playlists', 'move the song down (playlist / queue)'),
  'move-up': ui('Playlists', 'move the song up (playlist / queue)'),
  'create-playlist': ui('Playlists', 'create a playlist'),
  'rename-playlist': ui('Playlists', 'rename the playlist'),
  'delete-playlist': ui('Playlists', 'delete the playlist'),
  lyrics: ui('Open', "the playing song's lyrics, following it (j/k scroll, Esc closes)"),
  info: ui('Open', 'everything about the song: tags, file, plays, playlists'),
  'stats-earlier': ui('Stats', 'the Stats view: the year before'),
  'stats-later': ui('Stats', 'the Stats view: the year after (up to this year)'),
  'stats-all-time': ui('Stats', 'the Stats view: all time / back to this year'),
  help: ui('General', 'show / hide this help'),
  detach: { group: 'General', description: 'quit; the music plays on', contexts: ['ui', 'play'] },
  quit: { group: 'General', description: 'stop the music and quit', contexts: ['ui', 'play'] },
} as const satisfies Record<string, AppActionSpec>;

export type AppAction = keyof typeof APP_ACTIONS;

export function isAppAction(name: string): name is AppAction {
  return Object.hasOwn(APP_ACTIONS, name);
}
