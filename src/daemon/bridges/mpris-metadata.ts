import type { HostState } from '../../domain/player-state.js';
import type { Song } from '../../domain/song.js';
import { terminalSafe, terminalSafeLines } from '../../text/terminal-safe.js';

/** The object path MPRIS reserves for "no track". */
export const NO_TRACK = '/org/mpris/MediaPlayer2/TrackList/NoTrack';

/**
 * A track's mpris:trackid: a D-Bus object path naming one place in the queue (its entry_id), so the
 * same song queued twice has two ids and a SetPosition aimed at the entry that just ended is stale.
 */
export function trackIdOf(entryId: number): string {
  return `/org/tunes/track/${entryId}`;
}

/** A metadata value with the D-Bus type the MPRIS metadata spec gives its key. */
export interface MetadataValue {
  signature: 's' | 'as' | 'o' | 'x' | 'i';
  value: string | string[] | number;
}

export type Metadata = Record<string, MetadataValue>;

/**
 * The Metadata property for the current song. Text goes through terminalSafe: playerctl and status
 * bars print it to terminals, and a NUL (which D-Bus strings may not hold) becomes a visible ␀.
 * `artUrl` is the song's cover as a file:// URL, when a covers service has one; `lyrics` its lyrics
 * as plain lines (xesam:asText).
 */
export function metadataOf(song: Song | null, trackId: string, lengthMs: number | null, artUrl?: string, lyrics?: string): Metadata {
  if (!song) return { 'mpris:trackid': { signature: 'o', value: NO_TRACK } };
  const metadata: Metadata = { 'mpris:trackid': { signature: 'o', value: trackId } };
  if (lengthMs !== null && lengthMs > 0) metadata['mpris:length'] = { signature: 'x', value: Math.round(lengthMs * 1000) };
  if (artUrl) metadata['mpris:artUrl'] = { signature: 's', value: artUrl };
  const text = (key: string, value: string | null) => {
    if (value) metadata[key] = { signature: 's', value: terminalSafe(value) };
  };
  const list = (key: string, value: string | null) => {
    if (value) metadata[key] = { signature: 'as', value: [terminalSafe(value)] };
  };
  const whole = (key: string, value: number | null) => {
    if (value !== null && Number.isInteger(value) && value > 0) metadata[key] = { signature: 'i', value };
  };
  text('xesam:title', song.title);
  list('xesam:artist', song.artist);
  text('xesam:album', song.album);
  list('xesam:albumArtist', song.album_artist);
  whole('xesam:trackNumber', song.track_no);
  whole('xesam:discNumber', song.disc_no);
  list('xesam:genre', song.genre);
  if (lyrics) metadata['xesam:asText'] = { signature: 's', value: terminalSafeLines(lyrics) };
  return metadata;
}

/** The song's length as the player knows it now (mpv's, once the file is open), else the catalogue's. */
export function lengthOf(state: HostState): number | null {
  return state.duration_ms ?? state.song?.duration_ms ?? null;
}
