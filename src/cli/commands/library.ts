import type { Command } from 'commander';
import type { ScanProgress } from '../../services/library/library-service.js';
import { emit, withJson, type JsonOption } from '../output.js';
import { presentAddFolders, presentLibraryFolder, presentScan } from '../present/library.js';
import { scanProgressLine } from '../progress-line.js';
import type { CliRuntime } from '../runtime.js';
import { registerPruneCommand } from './library-prune.js';
import { registerWatchCommand } from './library-watch.js';
import { describeScan, quote, reportScanProblems, unavailableError } from './library-scan-report.js';
import { formatTime, plural } from './playlist-render.js';

interface ScanCommandOptions extends JsonOption {
  full?: boolean;
}

export function registerLibraryCommands(program: Command, runtime: CliRuntime): void {
  const library = program.command('library').description('manage the music folders tunes scans (admins only)');

  withJson(library.command('add').description('add music folders and scan them').argument('<folder...>')).action(
    async (folders: string[], options: JsonOption) => {
      const services = await runtime.services();
      const actor = await services.session.currentUser();
      const result = await withProgress(options, (onProgress) => services.library.addRoots(actor, folders, { onProgress }));
      const known = result.already_in_library;
      emit(runtime, options, presentAddFolders(result), () => {
        reportScanProblems(runtime, result.scan);
        const added = result.roots.map((r) => r.path).filter((path) => !known.includes(path));
        const lines = [
          ...(added.length > 0 ? [`Added ${added.map(quote).join(', ')}`] : []),
          ...(known.length > 0 ? [`Already in the library, rescanned: ${known.map(quote).join(', ')}`] : []),
        ];
        return `${lines.join('\n')}\n${describeScan(result.scan)}`;
      });
      const unavailable = unavailableError(result.scan);
      if (unavailable) throw unavailable;
    },
  );

  withJson(
    library
      .command('scan')
      .description('rescan every library folder (only new and changed files are read)')
      .option('--full', 're-read every file, changed or not'),
  ).action(async (options: ScanCommandOptions) => {
    const services = await runtime.services();
    const actor = await services.session.currentUser();
    const scan = await withProgress(options, (onProgress) => services.library.scan(actor, { full: options.full, onProgress }));
    emit(runtime, options, presentScan(scan), () => {
      reportScanProblems(runtime, scan);
      return describeScan(scan);
    });
    const unavailable = unavailableError(scan);
    if (unavailable) throw unavailable;
  });

  withJson(library.command('list').description('show the library folders')).action(async (options: JsonOption) => {
    const services = await runtime.services();
    const roots = await services.library.listRoots(await services.session.currentUser());
    emit(runtime, options, roots.map(presentLibraryFolder), (list) =>
      list.length === 0
        ? 'No library folders yet. Add one with: tunes library add <folder>'
        : list.map((r) => `${quote(r.path)}  (${plural(r.song_count, 'song')}, added ${formatTime(r.added_at)})`).join('\n'),
    );
  });

  withJson(
    library.command('remove').description('forget a library folder; its songs are marked missing').argument('<folder>'),
  ).action(async (folder: string, options: JsonOption) => {
    const services = await runtime.services();
    const result = await services.library.removeRoot(await services.session.currentUser(), folder);
    emit(runtime, options, result, (r) =>
      r.marked_missing === 0
        ? `Removed ${quote(r.root)}: no songs leave the library (none were only there)`
        : `Removed ${quote(r.root)}: ${plural(r.marked_missing, 'song')} ${r.marked_missing === 1 ? 'leaves' : 'leave'} the library ` +
          `(kept as missing in playlists and likes; tunes library prune deletes them, adding the folder again brings them back)`,
    );
  });

  registerPruneCommand(library, runtime);
  registerWatchCommand(library, runtime);

  async function withProgress<T>(
    options: JsonOption,
    run: (onProgress: (progress: ScanProgress) => void) => Promise<T>,
  ): Promise<T> {
    const line = scanProgressLine(options.json ? undefined : runtime.stderr);
    try {
      return await run((progress) => line.update(progress));
    } finally {
      line.clear();
    }
  }
}
