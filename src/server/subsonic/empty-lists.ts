import type { Endpoint } from './context.js';

/**
 * Things tunes has none of (podcasts, radio, shares, bookmarks, videos, last.fm-style artist and
 * album notes, similar and top songs): clients ask for them on their home and artist screens, and
 * an empty answer is the truth, where an error would show as a failure. Writes to them
 * (createShare, createBookmark...) still answer Subsonic's "not implemented".
 */
const EMPTY: Record<string, string> = {
  getPodcasts: 'podcasts',
  getNewestPodcasts: 'newestPodcasts',
  getInternetRadioStations: 'internetRadioStations',
  getBookmarks: 'bookmarks',
  getShares: 'shares',
  getVideos: 'videos',
  getArtistInfo: 'artistInfo',
  getArtistInfo2: 'artistInfo2',
  getAlbumInfo: 'albumInfo',
  getAlbumInfo2: 'albumInfo',
  getSimilarSongs: 'similarSongs',
  getSimilarSongs2: 'similarSongs2',
  getTopSongs: 'topSongs',
};

export function emptyListEndpoints(): Endpoint[] {
  return Object.entries(EMPTY).map(([name, element]) => ({ name, handler: async () => ({ [element]: {} }) }));
}
