import type { Endpoint, SubsonicContext } from './context.js';

/**
 * getScanStatus / startScan (admins). The scan runs in the background and its status lives in the
 * database, so every server sharing it reports the same scan; a start while any tunes on that
 * database scans is refused ("a scan is running"), never run twice.
 */
export function scanEndpoints({ services, log }: SubsonicContext): Endpoint[] {
  const status: Endpoint['handler'] = async ({ user }) => {
    const scan = await services.library.scanStatus(user);
    const lastScan = scan.finished_at ?? undefined;
    return { scanStatus: { scanning: scan.scanning, count: scan.scanning ? scan.done : await services.catalog.countSongs(), lastScan } };
  };
  return [
    { name: 'getScanStatus', admin: true, handler: status },
    {
      name: 'startScan',
      admin: true,
      handler: async (request) => {
        const { finished } = await services.library.startScan(request.user, { full: request.params.bool('fullScan', false) });
        finished.catch((error: unknown) => log?.(`startScan failed: ${error instanceof Error ? error.message : String(error)}`));
        return status(request);
      },
    },
  ];
}
