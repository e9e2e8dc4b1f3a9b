import type { Command } from 'commander';
import { terminalSafe } from '../../text/terminal-safe.js';
import { presentAudioDevice } from '../present/settings.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { renderTable } from './playlist-render.js';

/** `tunes devices`: the audio outputs mpv offers, for `tunes config set audio-device`. */
export function registerDevicesCommand(program: Command, runtime: CliRuntime): void {
  withJson(program.command('devices').description('list the audio devices mpv can play to (for the audio-device setting)')).action(
    async (options: JsonOption) => {
      const { settings } = await runtime.services();
      const { devices, current } = await settings.devices();
      const json = devices.map((d) => presentAudioDevice(d, current));
      emit(runtime, options, json, (rows) =>
        [
          renderTable(
            ['', 'DEVICE', 'DESCRIPTION'],
            rows.map((d) => [d.selected ? '*' : '', terminalSafe(d.name), terminalSafe(d.description)]),
            [],
            terminalWidth(runtime),
          ),
          rows.some((d) => d.selected) ? '* in use; change it with: tunes config set audio-device NAME' : `in use: ${terminalSafe(current)} (not offered by mpv right now)`,
        ].join('\n'),
      );
    },
  );
}
