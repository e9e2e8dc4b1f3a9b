import type { Command } from 'commander';
import { installDesktopEntry } from '../../config/desktop-entry.js';
import { emit, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';

/** `tunes install-desktop`: tunes.desktop for the desktop's menus and media widgets (MPRIS DesktopEntry). */
export function registerDesktopCommand(program: Command, runtime: CliRuntime): void {
  withJson(program.command('install-desktop').description('install tunes.desktop, so menus and media widgets (MPRIS) know tunes')).action(
    (options: JsonOption) => {
      const path = installDesktopEntry(process.env);
      emit(runtime, options, { path }, ({ path: written }) => `installed ${written}`);
    },
  );
}
