import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/db/open.js';
import { tryScanLock } from '../../src/db/scan-lock.js';
import type { ScanStatus } from '../../src/domain/library.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock, systemClock } from '../../src/services/clock.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { copyFixtures } from '../helpers/fixtures.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';
import { tempDir } from '../helpers/temp-dir.js';
import { FAST_SCRYPT } from '../helpers/test-store.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Two handles on one database (two servers), an admin, a library folder holding the audio fixtures. */
async function twoServers() {
  const location = testDialect() === 'postgres' ? await freshPostgresUrl() : join(tempDir(), 'tunes.db');
  const [a, b] = [await openDatabase(location), await openDatabase(location)];
  opened.push(a, b);
  const admin = (await createAuthService({ db: a.db, clock: systemClock, scryptParams: FAST_SCRYPT }).register('admin', 'password one')).user;
  const music = tempDir('tunes-music-');
  copyFixtures(music);
  const onA = createLibraryService({ db: a.db, songWriter: a.songWriter, clock: systemClock });
  const onB = createLibraryService({ db: b.db, songWriter: b.songWriter, clock: systemClock });
  await onA.addRoots(admin, [music]);
  return { a, b, admin, onA, onB };
}

describe('scan status in the database (seen by every server)', () => {
  it('a background scan is reported by the other server while it runs and after it ends', async () => {
    const { admin, onA, onB } = await twoServers();
    const seenMidScan: ScanStatus[] = [];
    let looked: Promise<void> | undefined;
    let lastRead = 0;
    const { finished } = await onA.startScan(admin, {
      full: true,
      onProgress: (progress) => {
        if (progress.phase === 'reading') lastRead = progress.done;
        looked ??= onB.scanStatus(admin).then((s) => void seenMidScan.push(s));
      },
    });
    await finished;
    await looked;
    expect(seenMidScan[0]).toMatchObject({ scanning: true, finished_at: null, failure: null });
    const after = await onB.scanStatus(admin);
    expect(after).toMatchObject({ scanning: false, failure: null, done: lastRead });
    expect(lastRead).toBeGreaterThan(0);
    expect(after.finished_at).not.toBeNull();
  });

  it('a scan started while another tunes holds the scan lock is refused at once: "a scan is running"', async () => {
    const { b, admin, onA } = await twoServers();
    const held = await tryScanLock(b.db);
    expect(held).toBeDefined();
    await expect(onA.startScan(admin)).rejects.toThrow(/a scan is running/);
    await held!.release();
    await (await onA.startScan(admin)).finished;
  });

  it('a scan whose process died (no heartbeat) no longer counts as running', async () => {
    const { a, admin } = await twoServers();
    await a.db.updateTable('scan_status').set({ finished_at: null, heartbeat_at: '2026-01-01T00:00:00.000Z' }).execute();
    const later = createLibraryService({ db: a.db, songWriter: a.songWriter, clock: fixedClock(new Date('2026-01-01T00:01:00Z')) });
    expect(await later.scanStatus(admin)).toMatchObject({ scanning: false, failure: expect.stringMatching(/stopped without finishing/) });
    const soon = createLibraryService({ db: a.db, songWriter: a.songWriter, clock: fixedClock(new Date('2026-01-01T00:00:10Z')) });
    expect(await soon.scanStatus(admin)).toMatchObject({ scanning: true, failure: null });
  });
});
