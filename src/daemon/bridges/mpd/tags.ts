import type { Song } from '../../../domain/song.js';
import type { IndexedTagField, TagField } from '../../../domain/tag-query.js';

/** A tag as MPD names it, and where a tunes song keeps it. */
export interface MpdTag {
  /** As MPD spells it in replies ("AlbumArtist"); requests match it ignoring case. */
  name: string;
  field: TagField;
  /** The search index holds it (words can narrow a search by it). */
  indexed?: IndexedTagField;
  /** The value as a client sees it; undefined when the song has none. */
  value(song: Song): string | undefined;
}

const text = (value: string | null) => (value === null || value === '' ? undefined : value);
const number = (value: number | null) => (value === null ? undefined : String(value));

/** The tags tunes has, in MPD's order (what `tagtypes` lists). */
export const MPD_TAGS: readonly MpdTag[] = [
  { name: 'Artist', field: 'artist', indexed: 'artist', value: (s) => text(s.artist) },
  { name: 'Album', field: 'album', indexed: 'album', value: (s) => text(s.album) },
  // MPD falls back to the artist where a song has no album artist; so does the database side.
  { name: 'AlbumArtist', field: 'album_artist', indexed: 'album_artist', value: (s) => text(s.album_artist) ?? text(s.artist) },
  { name: 'Title', field: 'title', indexed: 'title', value: (s) => text(s.title) },
  { name: 'Track', field: 'track_no', value: (s) => number(s.track_no) },
  { name: 'Genre', field: 'genre', indexed: 'genre', value: (s) => text(s.genre) },
  { name: 'Date', field: 'year', value: (s) => number(s.year) },
  { name: 'Disc', field: 'disc_no', value: (s) => number(s.disc_no) },
];

const BY_NAME = new Map(MPD_TAGS.map((tag) => [tag.name.toLowerCase(), tag]));

/** Tags MPD knows that tunes does not keep: accepted in requests, never matched or printed. */
const KNOWN_ELSEWHERE = new Set(
  [
    'ArtistSort', 'AlbumSort', 'AlbumArtistSort', 'Name', 'OriginalDate', 'Composer', 'ComposerSort', 'Performer',
    'Conductor', 'Work', 'Movement', 'MovementNumber', 'Ensemble', 'Location', 'Grouping', 'Comment', 'Label',
    'MUSICBRAINZ_ARTISTID', 'MUSICBRAINZ_ALBUMID', 'MUSICBRAINZ_ALBUMARTISTID', 'MUSICBRAINZ_TRACKID',
    'MUSICBRAINZ_RELEASETRACKID', 'MUSICBRAINZ_WORKID',
  ].map((name) => name.toLowerCase()),
);

/** The tag named (case ignored); `null` for a tag MPD has and tunes does not; undefined when unknown. */
export function tagNamed(name: string): MpdTag | null | undefined {
  const lower = name.toLowerCase();
  return BY_NAME.get(lower) ?? (KNOWN_ELSEWHERE.has(lower) ? null : undefined);
}
