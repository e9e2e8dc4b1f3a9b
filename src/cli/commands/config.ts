import type { Command } from 'commander';
import { formatSetting } from '../../config/settings.js';
import { TunesError, isTunesError } from '../../errors.js';
import type { SettingEntry } from '../../services/settings/settings-service.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { presentSetting } from '../present/settings.js';
import { emit, groupAction, withGroupOptions, note, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';

/** `tunes config`: this machine's settings (seek and volume steps, audio device, ReplayGain, ...). */
export function registerConfigCommands(program: Command, runtime: CliRuntime): void {
  const config = program
    .command('config')
    .description('show and change settings: seek-step, volume-step, audio-device, replaygain, mpv-options, theme');

  const list = async (options: JsonOption) => {
    const { settings } = await runtime.services();
    const entries = settings.list();
    emit(runtime, options, { file: settings.file, settings: entries.map(presentSetting) }, () => renderList(entries));
  };
  withJson(config).action(groupAction(list));
  withJson(config.command('list').description('every setting with its value, default and what it allows')).action(
    (options: JsonOption, command: Command) => list(withGroupOptions(options, command)),
  );

  withJson(config.command('get').description("one setting's value").argument('<key>')).action(async (key: string, given: JsonOption, command: Command) => {
    const options = withGroupOptions(given, command);
    const { settings } = await runtime.services();
    const entry = await withKeyHint(async () => settings.get(key));
    emit(runtime, options, presentSetting(entry), (e) => (e.problem ? `${formatValue(e.value)}  (invalid: ${e.problem})` : formatValue(e.value)));
  });

  withJson(
    config
      .command('set')
      .description('change a setting (checked: an unknown key or a bad value is refused, saying what is allowed)')
      .argument('<key>')
      .argument('<value...>', 'the value; several words (mpv-options flags) are joined with spaces')
      // Values such as mpv-options ("--audio-exclusive=yes") or a negative number look like options.
      .allowUnknownOption(),
  ).action(async (key: string, words: string[], given: JsonOption, command: Command) => {
    const options = withGroupOptions(given, command);
    const { settings } = await runtime.services();
    const hint = key === 'audio-device' ? 'tunes devices lists what mpv offers' : undefined;
    const { entry, unchecked } = await withKeyHint(() => settings.set(key, words.join(' ')), hint);
    if (unchecked) note(runtime, `tunes: note: ${unchecked}`);
    emit(runtime, options, presentSetting(entry), (e) => `${e.key} = ${formatValue(e.value)}${e.is_default ? ' (the default)' : ''}`);
  });

  withJson(config.command('unset').description('go back to the default').argument('<key>')).action(async (key: string, given: JsonOption, command: Command) => {
    const options = withGroupOptions(given, command);
    const { settings } = await runtime.services();
    const entry = await withKeyHint(async () => settings.unset(key));
    emit(runtime, options, presentSetting(entry), (e) => `${e.key} = ${formatValue(e.value)} (the default)`);
  });
}

/** Two lines a setting, nothing cut: `key = value` (and the default when changed), then what it does. */
function renderList(entries: SettingEntry[]): string {
  const width = Math.max(...entries.map((e) => e.key.length));
  return entries
    .map((e) => {
      const changed = e.problem ? `  (invalid: ${e.problem})` : e.isDefault ? '' : `  (default ${formatValue(e.default)})`;
      return `${e.key.padEnd(width)} = ${formatValue(e.value)}${changed}\n${' '.repeat(width + 3)}${e.help}; ${e.allowed}`;
    })
    .join('\n');
}

/** Stored values are the user's own text (a device name, mpv flags): shown, never acted on. */
function formatValue(value: unknown): string {
  return terminalSafe(formatSetting(value));
}

/** An unknown key or bad value is exit 2 with what is allowed; the edge adds how to see it all. */
async function withKeyHint<T>(work: () => Promise<T>, hint = 'tunes config list shows every setting and what it allows'): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isTunesError(error) && error.code === 'invalid_input' && !error.hint) {
      throw new TunesError('invalid_input', error.message, hint);
    }
    throw error;
  }
}
