import { TunesError } from '../../errors.js';
import type { ScanSummary } from '../../domain/library.js';
import { hasUnsafeCharacters, terminalSafe } from '../../text/terminal-safe.js';
import { note } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { plural } from './playlist-render.js';

/** The one line a scan ends with. */
export function describeScan(s: ScanSummary): string {
  const seconds = (s.duration_ms / 1000).toFixed(1);
  const extra = [
    ...(s.moved > 0 ? [`${s.moved} moved`] : []),
    ...(s.merged > 0 ? [`${s.merged} merged`] : []),
  ];
  const line =
    `Scanned ${plural(s.files, 'file')} in ${seconds} s: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ` +
    `${s.restored} restored, ${extra.map((e) => `${e}, `).join('')}${s.missing} missing, ${s.failed} failed`;
  if (s.duplicates === 0) return line;
  return `${line}\n(${plural(s.duplicates, 'more path')} led to files already counted: links, hard links or folders reached twice; one song each)`;
}

/** Files skipped and folders kept as they are, on stderr. */
export function reportScanProblems(runtime: CliRuntime, scan: ScanSummary): void {
  for (const failure of scan.failures) note(runtime, `tunes: skipped ${quote(failure.path)}: ${terminalSafe(failure.reason)}`);
  for (const warning of scan.warnings) note(runtime, `tunes: note: ${quote(warning.path)}: ${terminalSafe(warning.reason)}`);
  for (const folder of scan.unavailable) {
    note(
      runtime,
      `tunes: ${quote(folder.path)} ${folder.reason}: it looks unmounted, so its ${plural(folder.kept, 'song')} ` +
        `${folder.kept === 1 ? 'was' : 'were'} kept as ${folder.kept === 1 ? 'it is' : 'they are'}`,
    );
  }
}

/**
 * A scan that met folders it could not trust finished the rest, but must not look like a success:
 * exit 6 (io), as for any path that cannot be read, after the summary.
 */
export function unavailableError(scan: ScanSummary): TunesError | undefined {
  const count = scan.unavailable.length;
  if (count === 0) return undefined;
  const what = count === 1 ? `library folder ${terminalSafe(scan.unavailable[0]!.path)} looks` : `${count} library folders look`;
  return new TunesError(
    'io',
    `${what} unmounted or unreadable; none of ${count === 1 ? 'its' : 'their'} songs were marked missing`,
    'mount it (or fix its permissions) and scan again; a folder gone for good: tunes library remove <folder>',
  );
}

/**
 * Paths with control characters (a newline or an ESC in a file name) are shown JSON-quoted (\n,
 * \u001b), so each stays on its line and shows what it holds; what JSON leaves raw (C1, bidi) is
 * made visible too.
 */
export function quote(path: string): string {
  return hasUnsafeCharacters(path) ? terminalSafe(JSON.stringify(path)) : path;
}
