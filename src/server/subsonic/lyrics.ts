import type { Endpoint, SubsonicContext } from './context.js';
import { parseKindId } from './ids.js';

/**
 * getLyricsBySongId: the library keeps no lyrics yet (issue 17 adds them), so a known song answers an
 * empty list, as OpenSubsonic says a song without lyrics does; the songLyrics extension is not claimed.
 */
export function lyricsEndpoints({ services }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'getLyricsBySongId',
      handler: async ({ params }) => {
        await services.catalog.getSong(parseKindId(params.required('id'), 'song'));
        return { lyricsList: { structuredLyrics: [] } };
      },
    },
  ];
}
