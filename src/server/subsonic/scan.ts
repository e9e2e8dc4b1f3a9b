import type { ScanSummary } from '../../domain/library.js';
import type { Endpoint, SubsonicContext } from './context.js';

/** getScanStatus / startScan (admins): one scan at a time per server, in the background. */
export function scanEndpoints({ services, log }: SubsonicContext): Endpoint[] {
  let running: Promise<ScanSummary> | undefined;
  let done = 0;
  let lastScan: string | undefined;
  const status = async () => ({
    scanStatus: { scanning: running !== undefined, count: running ? done : await services.catalog.countSongs(), lastScan },
  });
  return [
    { name: 'getScanStatus', admin: true, handler: status },
    {
      name: 'startScan',
      admin: true,
      handler: async ({ user, params }) => {
        if (!running) {
          done = 0;
          running = services.library.scan(user, { full: params.bool('fullScan', false), onProgress: (p) => (done = p.done) });
          running
            .then(() => (lastScan = new Date().toISOString()))
            .catch((error: unknown) => log?.(`startScan failed: ${error instanceof Error ? error.message : String(error)}`))
            .finally(() => (running = undefined));
        }
        return status();
      },
    },
  ];
}
