import type { Command } from 'commander';
import type { LibraryWatchEvent } from '../../services/library/library-service.js';
import { TunesError } from '../../errors.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { note } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { describeScan, quote, reportScanProblems } from './library-scan-report.js';
import { plural } from './playlist-render.js';

export function registerWatchCommand(library: Command, runtime: CliRuntime): void {
  library
    .command('watch')
    .description('keep the library up to date while it runs: scan what changes in the library folders (Ctrl-C stops)')
    .action(async () => {
      const services = await runtime.services();
      const actor = await services.session.currentUser();
      const { untilShutdownSignal } = await import('../../server/listen.js');
      const stopping = untilShutdownSignal();
      const watch = await services.library.watch(actor, { onEvent: (event) => reportWatchEvent(runtime, event) });
      const signal = await stopping;
      note(runtime, `tunes library watch: ${signal}, stopping`);
      await watch.stop();
    });
}

/** One watch event as people read it: scan summaries on stdout, the rest on stderr. */
export function reportWatchEvent(runtime: CliRuntime, event: LibraryWatchEvent): void {
  switch (event.kind) {
    case 'scanning':
      return;
    case 'ready':
      note(
        runtime,
        event.watching
          ? `tunes library watch: watching ${plural(event.folders.length, 'library folder')} for changes (Ctrl-C to stop)`
          : `tunes library watch: checking ${plural(event.folders.length, 'library folder')} every few minutes (Ctrl-C to stop)`,
      );
      return;
    case 'limit':
      note(
        runtime,
        `tunes library watch: warning: the system will not watch more folders (${event.message}); ` +
          `checking everything every ${Math.round(event.check_every_ms / 60_000)} minutes instead ` +
          '(raise fs.inotify.max_user_watches to watch them all)',
      );
      return;
    case 'scanned': {
      reportScanProblems(runtime, event.summary);
      const where = event.folders === null ? 'Full check' : event.folders.map(quote).join(', ');
      runtime.stdout.write(`${where}: ${describeScan(event.summary)}\n`);
      return;
    }
    case 'failed': {
      const message = event.error instanceof TunesError ? event.error.message : String((event.error as Error)?.message ?? event.error);
      note(runtime, `tunes library watch: a scan failed: ${terminalSafe(message)} (trying again with the next change)`);
      return;
    }
  }
}
