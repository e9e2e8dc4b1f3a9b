import type { RowSource } from './row-source.js';

/**
 * A source over a list a service returns whole (a playlist, liked songs): fetched once when first
 * asked for, then sliced. Playlists are small next to the catalogue, which always pages.
 */
export function arraySource<Row>(key: string, load: () => Promise<Row[]>): RowSource<Row> {
  let loaded: Promise<Row[]> | undefined;
  const all = () => (loaded ??= load());
  return {
    key,
    count: async () => (await all()).length,
    rows: async (offset, limit) => (await all()).slice(offset, offset + limit),
    invalidate: () => {
      loaded = undefined;
    },
  };
}
