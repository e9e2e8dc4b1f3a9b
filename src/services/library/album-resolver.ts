import type { AlbumWriter } from '../../db/repositories/album-writes.js';
import { albumOrderKey, albumTitleKey, artistKey, VARIOUS_ARTISTS } from './album-identity.js';

export interface ResolvedAlbum {
  album_id: number;
  /** The album artist as the album has it. */
  album_artist_name: string;
  album_order: string;
}

/**
 * Artist and album ids by their folded names, made when missing and remembered for the rest of a
 * scan, so each distinct artist and album costs one lookup per scan, not one per song.
 */
export class AlbumResolver {
  private readonly artists = new Map<string, { id: number; name: string }>();
  private readonly albums = new Map<string, ResolvedAlbum>();

  constructor(
    private readonly writer: AlbumWriter,
    private readonly now: string,
  ) {}

  async artist(name: string): Promise<{ id: number; name: string }> {
    const key = artistKey(name);
    let found = this.artists.get(key);
    if (!found) this.artists.set(key, (found = await this.writer.artist(name.trim() || name, key, this.now)));
    return found;
  }

  async album(title: string, albumArtist: string): Promise<ResolvedAlbum> {
    const artist = await this.artist(albumArtist);
    const titleKey = albumTitleKey(title);
    const key = `${titleKey}\u0000${artist.id}`;
    let found = this.albums.get(key);
    if (!found) {
      const compilation = artistKey(artist.name) === artistKey(VARIOUS_ARTISTS);
      const album = await this.writer.album(title.trim() || title, titleKey, artist.id, compilation, this.now);
      found = { album_id: album.id, album_artist_name: artist.name, album_order: albumOrderKey(artist.name, album.title, album.id) };
      this.albums.set(key, found);
    }
    return found;
  }
}
