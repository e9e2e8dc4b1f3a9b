import { describe, expect, it } from 'vitest';
import { tryScanLock } from '../../src/db/scan-lock.js';
import { testDatabase } from '../helpers/test-store.js';

describe('the scan lock (one scanner at a time per database)', () => {
  it('is refused at once while held, and free again once released', async () => {
    const store = await testDatabase();
    const held = await tryScanLock(store.db);
    expect(held).toBeDefined();
    // Another connection of the same database (another process, as far as the lock knows) is refused.
    expect(await tryScanLock(store.db)).toBeUndefined();
    await held!.release();
    const again = await tryScanLock(store.db);
    expect(again).toBeDefined();
    await again!.release();
    await again!.release(); // twice is harmless
    const last = await tryScanLock(store.db);
    expect(last).toBeDefined();
    await last!.release();
  });
});
