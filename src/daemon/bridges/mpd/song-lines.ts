import type { Song } from '../../../domain/song.js';
import { oneLine } from './ack.js';
import type { LibraryUris } from './library-uris.js';
import { MPD_TAGS, type MpdTag } from './tags.js';

/** Which tags a connection wants in song replies (`tagtypes disable/enable/clear/all`). */
export class TagMask {
  private readonly enabled = new Set<MpdTag>(MPD_TAGS);
  has = (tag: MpdTag) => this.enabled.has(tag);
  set(tag: MpdTag, on: boolean): void {
    if (on) this.enabled.add(tag);
    else this.enabled.delete(tag);
  }
  all(on: boolean): void {
    for (const tag of MPD_TAGS) this.set(tag, on);
  }
  list(): MpdTag[] {
    return MPD_TAGS.filter((tag) => this.enabled.has(tag));
  }
}

/** A song as MPD describes one (lsinfo, find, playlistinfo, currentsong), without the queue's Pos/Id. */
export function songLines(song: Song, uris: LibraryUris, mask: TagMask): string {
  let out = `file: ${oneLine(uris.uriOf(song.path))}\n`;
  out += `Last-Modified: ${isoSeconds(song.mtime_ms)}\n`;
  if (song.sample_rate) out += `Format: ${song.sample_rate}:*:*\n`;
  for (const tag of MPD_TAGS) {
    if (!mask.has(tag)) continue;
    // AlbumArtist only when the file has one (its fallback to the artist is for finding and listing).
    const value = tag.name === 'AlbumArtist' ? song.album_artist || undefined : tag.value(song);
    if (value !== undefined) out += `${tag.name}: ${oneLine(value)}\n`;
  }
  if (song.duration_ms !== null) out += `Time: ${Math.round(song.duration_ms / 1000)}\nduration: ${(song.duration_ms / 1000).toFixed(3)}\n`;
  return out;
}

export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
