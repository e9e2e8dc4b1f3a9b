import type { Lyrics } from '../../domain/lyrics.js';
import type { Song } from '../../domain/song.js';
import type { Endpoint, SubsonicContext } from './context.js';
import { parseKindId } from './ids.js';

/** Songs looked at for getLyrics' artist and title (the best matches of a title search). */
const TITLE_MATCHES = 20;

/**
 * getLyricsBySongId (OpenSubsonic songLyrics): the song's lyrics as the scan read them, synced when
 * they are (the file's `[offset:]` already applied, so `offset` is 0); a song without lyrics answers
 * an empty list. getLyrics (Subsonic 1.2): the plain text of the first song matching artist and
 * title that has lyrics; an empty element when none does.
 */
export function lyricsEndpoints({ services }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'getLyricsBySongId',
      handler: async ({ params }) => {
        const song = await services.catalog.getSong(parseKindId(params.required('id'), 'song'));
        const lyrics = await services.lyrics.ofSong(song.id);
        return { lyricsList: { structuredLyrics: lyrics ? [structuredLyrics(song, lyrics)] : [] } };
      },
    },
    {
      name: 'getLyrics',
      handler: async ({ params }) => {
        const artist = params.get('artist')?.trim() || undefined;
        const title = params.get('title')?.trim() || undefined;
        if (!artist && !title) return { lyrics: {} };
        const { songs } = await services.catalog.listSongs({ query: title, artist, limit: TITLE_MATCHES });
        const wanted = title?.toLowerCase();
        for (const song of songs.filter((s) => wanted === undefined || s.title.toLowerCase() === wanted)) {
          const lyrics = await services.lyrics.ofSong(song.id);
          if (lyrics) return { lyrics: { artist: song.artist, title: song.title, value: lyrics.lines.map((l) => l.text).join('\n') } };
        }
        return { lyrics: {} };
      },
    },
  ];
}

function structuredLyrics(song: Song, lyrics: Lyrics) {
  return {
    displayArtist: song.artist,
    displayTitle: song.title,
    // OpenSubsonic: 'und' when the language is not known (an .lrc file says none).
    lang: lyrics.language ?? 'und',
    offset: 0,
    synced: lyrics.synced,
    line: lyrics.lines.map((line) => (line.start_ms === null ? { value: line.text } : { start: line.start_ms, value: line.text })),
  };
}
