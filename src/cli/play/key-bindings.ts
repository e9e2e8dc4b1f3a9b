/** Every key `tunes play` answers to, in one table (it also feeds the help line). */
export type PlayCommand =
  | 'toggle-pause'
  | 'next'
  | 'previous'
  | 'seek-back'
  | 'seek-forward'
  | 'volume-up'
  | 'volume-down'
  | 'mute'
  | 'shuffle'
  | 'repeat'
  | 'quit';

/** A key as Node's readline reports it: `name` for special keys, `sequence` for the character typed. */
export interface KeyPress {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
}

export const PLAY_KEY_BINDINGS: ReadonlyArray<{ command: PlayCommand; keys: readonly string[]; label: string; help: string }> = [
  { command: 'toggle-pause', keys: ['space'], label: 'space', help: 'pause' },
  { command: 'next', keys: ['n'], label: 'n', help: 'next' },
  { command: 'previous', keys: ['p'], label: 'p', help: 'previous' },
  { command: 'seek-back', keys: ['left'], label: '←', help: '-5s' },
  { command: 'seek-forward', keys: ['right'], label: '→', help: '+5s' },
  { command: 'volume-up', keys: ['+', '='], label: '+', help: 'louder' },
  { command: 'volume-down', keys: ['-', '_'], label: '-', help: 'softer' },
  { command: 'mute', keys: ['m'], label: 'm', help: 'mute' },
  { command: 'shuffle', keys: ['s'], label: 's', help: 'shuffle' },
  { command: 'repeat', keys: ['r'], label: 'r', help: 'repeat' },
  { command: 'quit', keys: ['q', 'escape', 'ctrl+c'], label: 'q', help: 'quit' },
];

const byKey = new Map<string, PlayCommand>(PLAY_KEY_BINDINGS.flatMap(({ command, keys }) => keys.map((key) => [key, command] as const)));

export function commandForKey(key: KeyPress): PlayCommand | undefined {
  if (key.ctrl && key.name) return byKey.get(`ctrl+${key.name}`);
  const id = key.name === 'space' || key.name === 'left' || key.name === 'right' || key.name === 'escape' ? key.name : (key.sequence ?? key.name);
  return id === undefined ? undefined : byKey.get(id.toLowerCase() === id ? id : id.toLowerCase());
}

/** One binding for the help line; seeks show the step in force. */
function helpItem(binding: (typeof PLAY_KEY_BINDINGS)[number], seekSeconds: number): string {
  if (binding.command === 'seek-back') return `${binding.label} -${seekSeconds}s`;
  if (binding.command === 'seek-forward') return `${binding.label} +${seekSeconds}s`;
  return `${binding.label} ${binding.help}`;
}

export function keyHelp(seekSeconds = 5): string {
  return PLAY_KEY_BINDINGS.map((b) => helpItem(b, seekSeconds)).join('  ');
}

/** The key help wrapped between bindings to lines of at most `width` characters (never cut). */
export function keyHelpLines(width: number, seekSeconds = 5): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of PLAY_KEY_BINDINGS.map((b) => helpItem(b, seekSeconds))) {
    if (line && line.length + 2 + item.length > width) {
      lines.push(line);
      line = item;
    } else {
      line = line ? `${line}  ${item}` : item;
    }
  }
  if (line) lines.push(line);
  return lines;
}
