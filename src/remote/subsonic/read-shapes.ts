import type { Album, Artist } from '../../domain/album.js';
import type { PlaylistSummary } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import type { SubsonicBody } from './client.js';
import type { RemoteIds } from './remote-ids.js';

/**
 * Subsonic's child/AlbumID3/ArtistID3/playlist as tunes' domain types. Servers differ (numbers sent
 * as strings, fields left out, one item not in an array), so every field is read defensively.
 */
const EPOCH = new Date(0).toISOString();

export function listOf(value: unknown): SubsonicBody[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as SubsonicBody[];
}

const text = (value: unknown, fallback = ''): string => (value === undefined || value === null ? fallback : String(value));
const num = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const iso = (value: unknown): string | null => {
  if (typeof value !== 'string' || value === '') return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

export interface ShapeContext {
  ids: RemoteIds;
  /** The song's stream URL without credentials: what `path` holds for a remote song. */
  streamPath(id: string): string;
}

export function songOf(child: SubsonicBody, { ids, streamPath }: ShapeContext): Song {
  const id = text(child['id']);
  const seconds = num(child['duration']);
  const kbps = num(child['bitRate']);
  const albumId = child['albumId'] ?? child['parent'];
  return {
    id: ids.numberOf('song', id),
    path: streamPath(id),
    title: text(child['title'], '(untitled)'),
    artist: text(child['artist']),
    artist_id: child['artistId'] === undefined ? null : ids.numberOf('artist', text(child['artistId'])),
    album: text(child['album']),
    album_id: albumId === undefined ? null : ids.numberOf('album', text(albumId)),
    album_artist: child['displayAlbumArtist'] === undefined ? null : text(child['displayAlbumArtist']),
    compilation: false,
    genre: child['genre'] === undefined ? null : text(child['genre']),
    year: num(child['year']),
    track_no: num(child['track']),
    disc_no: num(child['discNumber']),
    duration_ms: seconds === null ? null : Math.round(seconds * 1000),
    codec: child['suffix'] === undefined ? null : text(child['suffix']),
    bitrate: kbps === null ? null : kbps * 1000,
    sample_rate: num(child['samplingRate']),
    replaygain_track_gain_db: num(child['replayGain']?.['trackGain']),
    replaygain_track_peak: num(child['replayGain']?.['trackPeak']),
    replaygain_album_gain_db: num(child['replayGain']?.['albumGain']),
    replaygain_album_peak: num(child['replayGain']?.['albumPeak']),
    size: num(child['size']) ?? 0,
    mtime_ms: 0,
    added_at: iso(child['created']) ?? EPOCH,
    missing_since: null,
  };
}

export function albumOf(album: SubsonicBody, ids: RemoteIds): Album {
  const seconds = num(album['duration']);
  return {
    id: ids.numberOf('album', text(album['id'])),
    title: text(album['name'] ?? album['title'] ?? album['album']),
    artist: text(album['artist']),
    artist_id: album['artistId'] === undefined ? 0 : ids.numberOf('artist', text(album['artistId'])),
    compilation: false,
    year: num(album['year']),
    song_count: num(album['songCount']) ?? 0,
    duration_ms: seconds === null ? 0 : Math.round(seconds * 1000),
    added_at: iso(album['created']),
    has_cover: album['coverArt'] !== undefined,
  };
}

export function artistOf(artist: SubsonicBody, ids: RemoteIds): Artist {
  return {
    id: ids.numberOf('artist', text(artist['id'])),
    name: text(artist['name']),
    album_count: num(artist['albumCount']) ?? 0,
    song_count: num(artist['songCount']) ?? 0,
  };
}

export function playlistOf(playlist: SubsonicBody, ids: RemoteIds, ownerId: number): PlaylistSummary {
  const seconds = num(playlist['duration']);
  const created = iso(playlist['created']) ?? EPOCH;
  return {
    id: ids.numberOf('playlist', text(playlist['id'])),
    owner_id: ownerId,
    name: text(playlist['name']),
    description: playlist['comment'] === undefined || playlist['comment'] === '' ? null : text(playlist['comment']),
    created_at: created,
    updated_at: iso(playlist['changed']) ?? created,
    song_count: num(playlist['songCount']) ?? 0,
    duration_ms: seconds === null ? 0 : Math.round(seconds * 1000),
    // Subsonic playlists are lists of songs: smart playlists are a tunes library's own.
    rules: null,
    rules_sort: null,
    rules_limit: null,
    built_in: null,
  };
}
