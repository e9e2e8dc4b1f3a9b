import type { Album, AlbumDetail, AppearsOn, Artist, ArtistDetail } from '../../domain/album.js';
import { presentSong } from './song.js';

/** An album: the same object in the CLI's --json and the HTTP API. */
export function presentAlbum(album: Album) {
  return {
    id: album.id,
    title: album.title,
    artist: album.artist,
    artist_id: album.artist_id,
    compilation: album.compilation,
    year: album.year,
    song_count: album.song_count,
    duration_ms: album.duration_ms,
    added_at: album.added_at,
    has_cover: album.has_cover,
  };
}

/** An album with its songs in order (`tunes albums show`, `GET /api/albums/:id`). */
export function presentAlbumDetail({ album, songs }: AlbumDetail) {
  return { ...presentAlbum(album), songs: songs.map(presentSong) };
}

export function presentArtist(artist: Artist) {
  return { id: artist.id, name: artist.name, album_count: artist.album_count, song_count: artist.song_count };
}

function presentAppearsOn({ album, songs }: AppearsOn) {
  return { ...presentAlbum(album), songs: songs.map(presentSong) };
}

/** An artist with their albums and the albums by others they appear on, with those tracks. */
export function presentArtistDetail({ artist, albums, appears_on }: ArtistDetail) {
  return { ...presentArtist(artist), albums: albums.map(presentAlbum), appears_on: appears_on.map(presentAppearsOn) };
}
