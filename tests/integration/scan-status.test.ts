import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/db/open.js';
import { tryScanLock } from '../../src/db/scan-lock.js';
import type { ScanStatus } from '../../src/domain/library.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock, systemClock } from '../../src/services/clock.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { copyFixtures, FIXTURES_DIR } from '../helpers/fixtures.js';
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
  return { a, b, admin, music, onA, onB };
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

  // serve --watch and tunes library watch hold the lock for the whole watch; the player's shares it per scan.
  for (const shareLock of [false, true]) {
    it(`a watch's scans (${shareLock ? 'the player' : 'serve --watch'}) are reported by the other server like any scan`, async () => {
      const { admin, music, onA, onB } = await twoServers();
      const afterAdd = await onB.scanStatus(admin);
      const seen: Array<Promise<ScanStatus>> = [];
      const scanned: string[] = [];
      let lastEvent = '';
      const watch = await onA.watch(admin, {
        shareLock,
        onEvent: (event) => {
          lastEvent = event.kind === 'failed' ? `failed: ${String(event.error)}` : event.kind;
          // Written before the event: whatever B reads now belongs to this scan.
          if (event.kind === 'scanning') seen.push(onB.scanStatus(admin));
          if (event.kind === 'scanned') scanned.push(event.folders === null ? 'everything' : 'changed');
        },
      });
      try {
        await until(() => scanned.length >= 1, () => `the watch's first check; last event ${lastEvent}`);
        copyFileSync(join(FIXTURES_DIR, 'flac.flac'), join(music, 'new arrival.flac'));
        await until(() => scanned.includes('changed'), () => `a scan of the changed folder; last event ${lastEvent}, scans ${scanned.join(',')}`);
      } finally {
        await watch.stop();
      }
      const midScan = await Promise.all(seen);
      expect(midScan.length).toBeGreaterThanOrEqual(2);
      for (const status of midScan) expect(status.started_at! > afterAdd.finished_at!).toBe(true);
      const after = await onB.scanStatus(admin);
      expect(after).toMatchObject({ scanning: false, failure: null });
      expect(after.started_at! >= midScan.at(-1)!.started_at!).toBe(true);
      expect(after.finished_at! >= after.started_at!).toBe(true);
      expect(after.done).toBeGreaterThanOrEqual(1);
    });
  }
});

/** Polls `done` (bounded), failing with what was last seen. */
async function until(done: () => boolean, seen: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${seen()}`);
}
