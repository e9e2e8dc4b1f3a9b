import type { Command } from 'commander';
import type { ScanSummary } from '../../domain/library.js';
import type { ScanProgress } from '../../services/library/library-service.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import { presentAddFolders, presentLibraryFolder, presentScan } from '../present/library.js';
import { scanProgressLine } from '../progress-line.js';
import type { CliRuntime } from '../runtime.js';
import { hasUnsafeCharacters, terminalSafe } from '../../text/terminal-safe.js';
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
        reportFailures(result.scan);
        const added = result.roots.map((r) => r.path).filter((path) => !known.includes(path));
        const lines = [
          ...(added.length > 0 ? [`Added ${added.map(quote).join(', ')}`] : []),
          ...(known.length > 0 ? [`Already in the library, rescanned: ${known.map(quote).join(', ')}`] : []),
        ];
        return `${lines.join('\n')}\n${describeScan(result.scan)}`;
      });
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
      reportFailures(scan);
      return describeScan(scan);
    });
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
    emit(runtime, options, result, (r) => `Removed ${quote(r.root)} (${r.marked_missing} songs marked missing)`);
  });

  withJson(library.command('prune').description('delete songs whose files are missing')).action(
    async (options: JsonOption) => {
      const services = await runtime.services();
      const result = await services.library.prune(await services.session.currentUser());
      emit(runtime, options, result, (r) => `Deleted ${plural(r.deleted, 'missing song')}`);
    },
  );

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

  function reportFailures(scan: ScanSummary): void {
    for (const failure of scan.failures) note(runtime, `tunes: skipped ${quote(failure.path)}: ${terminalSafe(failure.reason)}`);
  }
}

function describeScan(s: ScanSummary): string {
  const seconds = (s.duration_ms / 1000).toFixed(1);
  return (
    `Scanned ${s.files} files in ${seconds} s: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ` +
    `${s.restored} restored, ${s.moved > 0 ? `${s.moved} moved, ` : ''}${s.missing} missing, ${s.failed} failed`
  );
}

/**
 * Paths with control characters (a newline or an ESC in a file name) are shown JSON-quoted (\n,
 * \u001b), so each stays on its line and shows what it holds; what JSON leaves raw (C1, bidi) is
 * made visible too.
 */
function quote(path: string): string {
  return hasUnsafeCharacters(path) ? terminalSafe(JSON.stringify(path)) : path;
}
