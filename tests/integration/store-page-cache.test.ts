import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, PAGE_CACHE_KIB } from '../../src/db/open.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('openStore page cache', () => {
  it("caps SQLite's page cache below better-sqlite3's 16 MB, on every connection it opens", async () => {
    const path = join(tempDir(), 'tunes.db');
    for (let open = 0; open < 2; open += 1) {
      const store = await openStore(path);
      try {
        expect(store.sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
        expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
        // Still a working catalogue with the smaller cache.
        const insert = store.sqlite.prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at) values (?, ?, 'A', 'B', 1, 0, '')`);
        store.sqlite.transaction(() => {
          for (let i = 0; i < 2000; i += 1) insert.run(`/m/${open}-${i}.mp3`, `Song ${open} ${i}`);
        })();
        expect(await createCatalogService({ db: store.db }).countSongs()).toBe(2000 * (open + 1));
      } finally {
        await store.close();
      }
    }
  });
});
