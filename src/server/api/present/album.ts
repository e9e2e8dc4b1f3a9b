import type { Album, AlbumDetail, AppearsOn, Artist, ArtistDetail } from '../../../domain/album.js';
import { presentSong, type StreamLinks } from './song.js';

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
export function presentAlbumDetail({ album, songs }: AlbumDetail, links?: StreamLinks) {
  return { ...presentAlbum(album), songs: songs.map((song) => presentSong(song, links)) };
}

export function presentArtist(artist: Artist) {
  return { id: artist.id, name: artist.name, album_count: artist.album_count, song_count: artist.song_count };
}

function presentAppearsOn({ album, songs }: AppearsOn, links?: StreamLinks) {
  return { ...presentAlbum(album), songs: songs.map((song) => presentSong(song, links)) };
}

/** An artist with their albums and the albums by others they appear on, with those tracks. */
export function presentArtistDetail({ artist, albums, appears_on }: ArtistDetail, links?: StreamLinks) {
  return {
    ...presentArtist(artist),
    albums: albums.map(presentAlbum),
    appears_on: appears_on.map((entry) => presentAppearsOn(entry, links)),
  };
}
