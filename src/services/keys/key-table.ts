import { existsSync, readFileSync } from 'node:fs';
import type { PlayerCommand } from '../../domain/player-command.js';
import { TunesError } from '../../errors.js';
import { commandFromWords, describeCommand, isPlayerWord, type CommandSteps } from '../playback/command-words.js';
import { APP_ACTIONS, HELP_GROUPS, KEY_CONTEXTS, isAppAction, type AppAction, type HelpGroup, type KeyContext } from './app-actions.js';
import { DEFAULT_BINDINGS } from './default-bindings.js';
import { prettyKey } from './key-names.js';
import { parseKeysFile } from './keys-file.js';

export type KeyAction =
  | { kind: 'player'; id: string; command: PlayerCommand; group: HelpGroup; description: string }
  | { kind: 'app'; id: AppAction; group: HelpGroup; description: string };

export interface HelpSection {
  group: HelpGroup;
  rows: Array<{ keys: string; description: string; id: string }>;
}

/** The key bindings in force: for each context, which key does what. */
export interface KeyTable {
  action(context: KeyContext, key: string | undefined): KeyAction | undefined;
  /** The keys that do `id` (an app action's name, or a player command's words), first one first. */
  keysFor(context: KeyContext, id: string): string[];
  /** Every bound action with its keys, grouped: the `?` help and `tunes keys`. */
  help(context: KeyContext): HelpSection[];
}

/** An action from its words; throws `invalid_input` saying what is wrong. */
export function resolveAction(words: string, steps: CommandSteps): KeyAction {
  const id = words.trim().split(/\s+/).join(' ');
  if (isAppAction(id)) return { kind: 'app', id, group: APP_ACTIONS[id].group, description: APP_ACTIONS[id].description };
  if (!isPlayerWord(id.split(' ')[0])) {
    throw new TunesError('invalid_input', `unknown action "${id}" (a player command such as next or seek +10, or one of ${Object.keys(APP_ACTIONS).join(', ')})`);
  }
  const command = commandFromWords(id.split(' '), steps);
  return { kind: 'player', id, command, group: command.type.startsWith('queue') ? 'Queue' : 'Playback', description: describeCommand(command) };
}

export function contextsOf(action: KeyAction): readonly KeyContext[] {
  return action.kind === 'app' ? APP_ACTIONS[action.id].contexts : KEY_CONTEXTS;
}

/**
 * The defaults, changed by the keys file's text when there is one. A file with a mistake changes
 * nothing: the defaults stay, and `problem` is the one line that says where the mistake is.
 */
export function buildKeyTable(steps: CommandSteps, file?: { path: string; text: string }): { table: KeyTable; problem?: string } {
  const bindings = new Map<KeyContext, Map<string, KeyAction>>(KEY_CONTEXTS.map((c) => [c, new Map()]));
  for (const { action, keys } of DEFAULT_BINDINGS) {
    const resolved = resolveAction(action, steps);
    for (const context of KEY_CONTEXTS) {
      const list = Array.isArray(keys) ? keys : ((keys as Partial<Record<KeyContext, readonly string[]>>)[context] ?? []);
      for (const key of list) bindings.get(context)!.set(key, resolved);
    }
  }
  if (!file) return { table: tableOf(bindings) };
  try {
    const changed = new Map([...bindings].map(([context, map]) => [context, new Map(map)]));
    for (const directive of parseKeysFile(file.text, file.path)) {
      const at = (message: string) => new TunesError('invalid_input', `${file.path} line ${directive.line}: ${message}`);
      let action: KeyAction | undefined;
      if (directive.action !== undefined) {
        try {
          action = resolveAction(directive.action, steps);
        } catch (error) {
          throw at((error as Error).message);
        }
      }
      const allowed = action ? contextsOf(action) : KEY_CONTEXTS;
      if (directive.context && !allowed.includes(directive.context)) throw at(`${directive.action} is not an action of ${directive.context === 'play' ? 'tunes play' : 'the browser'}`);
      for (const context of directive.context ? [directive.context] : allowed) {
        if (action) changed.get(context)!.set(directive.key, action);
        else changed.get(context)!.delete(directive.key);
      }
    }
    return { table: tableOf(changed) };
  } catch (error) {
    return { table: tableOf(bindings), problem: `${(error as Error).message}; using the default keys` };
  }
}

/** The table from the keys file at `path` (the defaults when there is none). */
export function loadKeyTable(path: string, steps: CommandSteps): { table: KeyTable; problem?: string } {
  if (!existsSync(path)) return buildKeyTable(steps);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ...buildKeyTable(steps), problem: `cannot read ${path}: ${(error as Error).message}; using the default keys` };
  }
  return buildKeyTable(steps, { path, text });
}

function tableOf(bindings: Map<KeyContext, Map<string, KeyAction>>): KeyTable {
  const keysFor = (context: KeyContext, id: string) => [...bindings.get(context)!].flatMap(([key, action]) => (action.id === id ? [key] : []));
  return {
    action: (context, key) => (key === undefined ? undefined : bindings.get(context)!.get(key)),
    keysFor,
    help(context) {
      const actions = new Map<string, KeyAction>();
      for (const action of bindings.get(context)!.values()) if (!actions.has(action.id)) actions.set(action.id, action);
      return HELP_GROUPS.map((group) => ({
        group,
        rows: [...actions.values()]
          .filter((action) => action.group === group)
          .map((action) => ({ id: action.id, keys: keysFor(context, action.id).map(prettyKey).join('/'), description: action.description })),
      })).filter((section) => section.rows.length > 0);
    },
  };
}
