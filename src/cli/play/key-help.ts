import type { KeyAction, KeyTable } from '../../services/keys/key-table.js';

/** A key as `tunes play`'s help line writes it: arrows as ← →, names as they are ("space"). */
function label(key: string): string {
  return ({ left: '←', right: '→', up: '↑', down: '↓' } as Record<string, string>)[key] ?? key;
}

/** The one or two words the help line gives an action ("pause", "-5s", "louder"). */
function short(action: KeyAction): string {
  if (action.kind === 'app') return action.id;
  const { command } = action;
  switch (command.type) {
    case 'toggle':
      return 'pause';
    case 'seek':
      return command.mode === 'relative' ? `${command.seconds >= 0 ? '+' : ''}${command.seconds}s` : `to ${command.seconds}s`;
    case 'volume':
      return command.mode === 'relative' ? (command.value >= 0 ? 'louder' : 'softer') : `vol ${command.value}`;
    case 'next':
    case 'previous':
    case 'mute':
    case 'shuffle':
    case 'repeat':
      return command.type;
    default:
      return action.description;
  }
}

/** "space pause  n next ...": every action bound in `tunes play`, by its first key. */
export function keyHelpItems(keys: KeyTable): string[] {
  return keys.help('play').flatMap((section) =>
    section.rows.map((row) => {
      const key = keys.keysFor('play', row.id)[0]!;
      return `${label(key)} ${short(keys.action('play', key)!)}`;
    }),
  );
}

/** The key help wrapped between bindings to lines of at most `width` characters (never cut). */
export function keyHelpLines(keys: KeyTable, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of keyHelpItems(keys)) {
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
