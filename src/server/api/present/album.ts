import type { AlbumDetail, ArtistDetail } from '../../../domain/album.js';
import * as shared from '../../../services/present/album.js';
import { presentSong, type StreamLinks } from './song.js';

export { presentAlbum, presentArtist } from '../../../services/present/album.js';

/** An album with its songs, each with the caller's stream link (`GET /api/albums/:id`). */
export function presentAlbumDetail(detail: AlbumDetail, links?: StreamLinks) {
  return shared.presentAlbumDetail(detail, (song) => presentSong(song, links));
}

export function presentArtistDetail(detail: ArtistDetail, links?: StreamLinks) {
  return shared.presentArtistDetail(detail, (song) => presentSong(song, links));
}
