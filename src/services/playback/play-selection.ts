import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { MAX_PAGE_SIZE, type CatalogService } from '../catalog/catalog-service.js';
import type { PlaylistService } from '../playlists/playlist-service.js';

export interface PlayCriteria {
  /** Search words: the matching songs, in catalogue order. */
  words?: string | undefined;
  playlist?: string | undefined;
  liked?: boolean | undefined;
  artist?: string | undefined;
  album?: string | undefined;
}

export interface PlaySelectionService {
  /**
   * The songs `tunes play` queues: a playlist or the liked songs (in their order), narrowed by words,
   * artist and album when given; without a playlist, the matching songs in catalogue order (no
   * criteria: the whole library). `userId` is needed only for playlists and likes.
   */
  select(userId: () => Promise<number>, criteria: PlayCriteria): Promise<Song[]>;
}

export function createPlaySelectionService({ catalog, playlists }: { catalog: CatalogService; playlists: PlaylistService }): PlaySelectionService {
  async function catalogSongs({ words, artist, album }: PlayCriteria): Promise<Song[]> {
    const songs: Song[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.listSongs({ query: words, artist, album, sort: 'artist', limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      songs.push(...page.songs);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return songs;
  }

  return {
    async select(userId, criteria) {
      const words = criteria.words?.trim() || undefined;
      const narrowed = { ...criteria, words };
      if (criteria.playlist !== undefined && criteria.liked) {
        throw new TunesError('usage', 'choose either --playlist or --liked, not both');
      }
      if (criteria.playlist === undefined && !criteria.liked) return catalogSongs(narrowed);

      const source = criteria.liked ? ({ kind: 'liked' } as const) : ({ kind: 'playlist', ref: criteria.playlist! } as const);
      const { songs } = await playlists.songsOf(await userId(), source);
      if (!words && criteria.artist === undefined && criteria.album === undefined) return songs;
      const matching = new Set((await catalogSongs(narrowed)).map((song) => song.id));
      return songs.filter((song) => matching.has(song.id));
    },
  };
}
