/**
 * Recent search2/search3 results (artists, albums, songs: the same for every user; stars are read
 * per call), so a client that repeats a search or pages back and forth does not search again. An
 * entry is used only while the database's change marker is the one it was found under: any write
 * (a scan here or in another process, a like, a play) drops them all. Bounded: the least recently
 * used goes first.
 */
export const SEARCH_CACHE_ENTRIES = 256;

export interface SearchCache<T> {
  /** The cached value for `key` under `marker`, else `find()`'s, remembered. */
  get(key: string, marker: string, find: () => Promise<T>): Promise<T>;
}

export function createSearchCache<T>(maxEntries = SEARCH_CACHE_ENTRIES): SearchCache<T> {
  const entries = new Map<string, T>();
  let entriesMarker = '';
  return {
    async get(key, marker, find) {
      if (marker !== entriesMarker) {
        entries.clear();
        entriesMarker = marker;
      }
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const found = await find();
      // The database may have changed while searching: keep the answer only under the marker it was found for.
      if (marker === entriesMarker) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, found);
      }
      return found;
    },
  };
}
