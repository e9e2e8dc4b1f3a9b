import type { Album, Artist } from './album.js';
import type { LikedSong } from './like.js';

export interface StarredAlbum {
  starred_at: string;
  album: Album;
}

export interface StarredArtist {
  starred_at: string;
  artist: Artist;
}

/** Everything a user starred: songs are their likes (the same the CLI's `tunes liked` lists). */
export interface Starred {
  songs: LikedSong[];
  albums: StarredAlbum[];
  artists: StarredArtist[];
}

/** When the user starred each of some songs, albums and artists (ids not starred are absent). */
export interface StarTimes {
  songs: Map<number, string>;
  albums: Map<number, string>;
  artists: Map<number, string>;
}
