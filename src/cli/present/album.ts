import type { AlbumDetail, ArtistDetail } from '../../domain/album.js';
import * as shared from '../../services/present/album.js';
import { presentSong } from './song.js';

export { presentAlbum, presentArtist } from '../../services/present/album.js';

/** An album with its songs, each with its path (`tunes albums show --json`). */
export function presentAlbumDetail(detail: AlbumDetail) {
  return shared.presentAlbumDetail(detail, presentSong);
}

export function presentArtistDetail(detail: ArtistDetail) {
  return shared.presentArtistDetail(detail, presentSong);
}
