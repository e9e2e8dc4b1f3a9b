import type { Album, AlbumDetail, AppearsOn, Artist, ArtistDetail } from '../../domain/album.js';
import type { Song } from '../../domain/song.js';

/**
 * Albums and artists as JSON: the same objects in the CLI's --json and the HTTP API, made here once
 * for both edges. Their songs differ by edge (the CLI adds `path`, the API `stream_url`), so each
 * edge passes its own song presenter.
 */
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

export function presentArtist(artist: Artist) {
  return { id: artist.id, name: artist.name, album_count: artist.album_count, song_count: artist.song_count };
}

/** An album with its songs in order (`tunes albums show`, `GET /api/albums/:id`). */
export function presentAlbumDetail<S>({ album, songs }: AlbumDetail, presentSong: (song: Song) => S) {
  return { ...presentAlbum(album), songs: songs.map((song) => presentSong(song)) };
}

function presentAppearsOn<S>({ album, songs }: AppearsOn, presentSong: (song: Song) => S) {
  return { ...presentAlbum(album), songs: songs.map((song) => presentSong(song)) };
}

/** An artist with their albums and the albums by others they appear on, with those tracks. */
export function presentArtistDetail<S>({ artist, albums, appears_on }: ArtistDetail, presentSong: (song: Song) => S) {
  return {
    ...presentArtist(artist),
    albums: albums.map(presentAlbum),
    appears_on: appears_on.map((entry) => presentAppearsOn(entry, presentSong)),
  };
}
