import type { AlbumListService } from '../browse/album-lists.js';
import type { BrowseService } from '../browse/browse-service.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { startSearchPool, type SearchPool, type SearchPoolOptions } from './search-pool.js';

export interface RoutedSearch {
  catalog: CatalogService;
  albumLists: AlbumListService;
  browse: BrowseService;
  /** From now on searches and listings go to worker threads. */
  start(options: SearchPoolOptions): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The catalogue, album lists and album pages as services hand them out, answering their searches and listings in
 * this thread until `start` moves them onto a pool of search threads (the same code, each thread
 * with its own read-only connection). Everything else (single songs, the change marker, writes)
 * stays on this thread's connection.
 */
export function routeSearches(local: { catalog: CatalogService; albumLists: AlbumListService; browse: BrowseService }): RoutedSearch {
  let pool: SearchPool | undefined;
  const catalog: CatalogService = {
    ...local.catalog,
    listSongs: (query) => (pool ? pool.call('listSongs', query) : local.catalog.listSongs(query)),
    countMatching: (query) => (pool ? pool.call('countMatching', query) : local.catalog.countMatching(query)),
  };
  const albumLists: AlbumListService = {
    ...local.albumLists,
    albums: (list, page) => (pool ? pool.call('albums', list, page) : local.albumLists.albums(list, page)),
    searchAlbums: (query, page) => (pool ? pool.call('searchAlbums', query, page) : local.albumLists.searchAlbums(query, page)),
    searchArtists: (query, page) => (pool ? pool.call('searchArtists', query, page) : local.albumLists.searchArtists(query, page)),
  };
  const browse: BrowseService = {
    ...local.browse,
    albums: (query) => (pool ? pool.call('browseAlbums', query) : local.browse.albums(query)),
  };
  return {
    catalog,
    albumLists,
    browse,
    async start(options) {
      if (pool || options.size < 1) return;
      pool = await startSearchPool(options);
    },
    async stop() {
      const running = pool;
      pool = undefined;
      await running?.close();
    },
  };
}
