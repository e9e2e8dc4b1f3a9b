import { extname } from 'node:path';
import type { Album, Artist } from '../../domain/album.js';
import type { PlaylistSummary } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import type { StarTimes } from '../../domain/stars.js';
import type { User } from '../../domain/user.js';
import { mimeTypeFor } from '../../services/media/song-file-service.js';
import type { SubsonicObject } from './envelope.js';
import { albumId, artistId, songId } from './ids.js';

/**
 * Domain types as Subsonic's schema names them (child, AlbumID3, ArtistID3, playlist), with the
 * OpenSubsonic additions clients read (mediaType, replayGain, isCompilation, displayArtist...).
 * The one place these shapes are made: every endpoint calls these.
 */
export const NO_STARS: StarTimes = { songs: new Map(), albums: new Map(), artists: new Map() };

const EPOCH = new Date(0).toISOString();
const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? undefined : Math.round(ms / 1000));

// Clients use `path` to name cached files; the real path stays on the server (as in the HTTP API).
function virtualPath(song: Song, suffix: string): string {
  const clean = (text: string) => text.replace(/[/\\]/g, '_');
  const track = song.track_no === null ? '' : `${String(song.track_no).padStart(2, '0')} - `;
  return `${clean(song.album_artist ?? song.artist)}/${clean(song.album)}/${track}${clean(song.title)}${suffix ? `.${suffix}` : ''}`;
}

/** A song as Subsonic's `child` (used for song, entry, and directory children). */
export function presentChild(song: Song, stars: StarTimes = NO_STARS): SubsonicObject {
  const suffix = extname(song.path).slice(1).toLowerCase();
  const hasGain = song.replaygain_track_gain_db !== null || song.replaygain_album_gain_db !== null;
  return {
    id: songId(song.id),
    parent: song.album_id === null ? undefined : albumId(song.album_id),
    isDir: false,
    title: song.title,
    album: song.album,
    artist: song.artist,
    track: song.track_no ?? undefined,
    year: song.year ?? undefined,
    genre: song.genre ?? undefined,
    coverArt: songId(song.id),
    size: song.size,
    contentType: mimeTypeFor(song.path),
    suffix,
    duration: seconds(song.duration_ms),
    bitRate: song.bitrate === null ? undefined : Math.round(song.bitrate / 1000),
    samplingRate: song.sample_rate ?? undefined,
    path: virtualPath(song, suffix),
    isVideo: false,
    discNumber: song.disc_no ?? undefined,
    created: song.added_at,
    starred: stars.songs.get(song.id),
    albumId: song.album_id === null ? undefined : albumId(song.album_id),
    artistId: song.artist_id === null ? undefined : artistId(song.artist_id),
    type: 'music',
    mediaType: 'song',
    displayArtist: song.artist,
    displayAlbumArtist: song.album_artist ?? undefined,
    genres: song.genre === null ? [] : [{ name: song.genre }],
    replayGain: hasGain
      ? {
          trackGain: song.replaygain_track_gain_db ?? undefined,
          trackPeak: song.replaygain_track_peak ?? undefined,
          albumGain: song.replaygain_album_gain_db ?? undefined,
          albumPeak: song.replaygain_album_peak ?? undefined,
        }
      : undefined,
  };
}

/** An album as AlbumID3 (getAlbum, getAlbumList2, search3, getStarred2). */
export function presentAlbumId3(album: Album, stars: StarTimes = NO_STARS): SubsonicObject {
  return {
    id: albumId(album.id),
    name: album.title,
    artist: album.artist,
    artistId: artistId(album.artist_id),
    coverArt: album.has_cover ? albumId(album.id) : undefined,
    songCount: album.song_count,
    duration: seconds(album.duration_ms) ?? 0,
    // Required by the schema; an album listed always has a visible song and so an added time.
    created: album.added_at ?? EPOCH,
    year: album.year ?? undefined,
    starred: stars.albums.get(album.id),
    isCompilation: album.compilation,
    displayArtist: album.artist,
    artists: [{ id: artistId(album.artist_id), name: album.artist }],
  };
}

/** An album as a directory `child` (getMusicDirectory, getAlbumList, search2, getStarred). */
export function presentAlbumChild(album: Album, stars: StarTimes = NO_STARS): SubsonicObject {
  return {
    id: albumId(album.id),
    parent: artistId(album.artist_id),
    isDir: true,
    title: album.title,
    name: album.title,
    album: album.title,
    artist: album.artist,
    year: album.year ?? undefined,
    coverArt: album.has_cover ? albumId(album.id) : undefined,
    duration: seconds(album.duration_ms) ?? 0,
    songCount: album.song_count,
    created: album.added_at ?? undefined,
    starred: stars.albums.get(album.id),
    albumId: albumId(album.id),
    artistId: artistId(album.artist_id),
    mediaType: 'album',
  };
}

/** An artist as ArtistID3 (getArtists, getArtist, search3) or, for getIndexes/search2, `artist`. */
export function presentArtistId3(artist: Artist, stars: StarTimes = NO_STARS): SubsonicObject {
  return {
    id: artistId(artist.id),
    name: artist.name,
    coverArt: artistId(artist.id),
    albumCount: artist.album_count,
    starred: stars.artists.get(artist.id),
  };
}

export function presentPlaylist(playlist: PlaylistSummary, owner: User): SubsonicObject {
  return {
    id: String(playlist.id),
    name: playlist.name,
    comment: playlist.description ?? undefined,
    owner: owner.username,
    public: false,
    songCount: playlist.song_count,
    duration: seconds(playlist.duration_ms) ?? 0,
    created: playlist.created_at,
    changed: playlist.updated_at,
    // OpenSubsonic: a smart playlist's songs follow its rules, so clients must not offer to edit them.
    readonly: playlist.rules !== null ? true : undefined,
  };
}

export function presentUser(user: User): SubsonicObject {
  const admin = user.role === 'admin';
  return {
    username: user.username,
    scrobblingEnabled: true,
    adminRole: admin,
    settingsRole: true,
    downloadRole: true,
    uploadRole: false,
    playlistRole: true,
    coverArtRole: false,
    commentRole: false,
    podcastRole: false,
    streamRole: true,
    jukeboxRole: false,
    shareRole: false,
    videoConversionRole: false,
    scanningEnabled: admin,
    folder: [1],
  };
}
