import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/db/open.js';
import type { NewSongRow } from '../../src/db/schema.js';
import { createCatalogService, type CatalogService } from '../../src/services/catalog/catalog-service.js';
import { seedSongs } from './seed-songs.js';
import { testDatabase } from './test-store.js';

/** query -> the titles found, best first ([] = nothing may match), and why. */
export type SearchCase = [query: string, titles: string[], why: string];

/**
 * A table of searches over a small library, on the database under test (SQLite, or PostgreSQL under
 * test:pg): each query's first page lists exactly these titles in this order, and its count agrees.
 * Call inside a describe; the library is seeded afresh for each case.
 */
export function searchTable(library: Array<Partial<NewSongRow>>, cases: SearchCase[]): { store: () => Store; catalog: () => CatalogService } {
  let store: Store;
  let catalog: CatalogService;
  beforeEach(async () => {
    store = await testDatabase();
    await seedSongs(store, library);
    catalog = createCatalogService({ db: store.db });
  });

  it.each(cases)('%s -> %j (%s)', async (query, expected) => {
    const page = await catalog.listSongs({ query });
    expect(page.songs.map((s) => s.title)).toEqual(expected);
    expect(await catalog.countMatching({ query })).toBe(expected.length);
  });
  return { store: () => store, catalog: () => catalog };
}
