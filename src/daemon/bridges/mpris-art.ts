import { pathToFileURL } from 'node:url';

/** The cover of a song as a file on this machine (the covers service's CoverFile), or a thrown not_found. */
export type SongCoverLookup = (songId: number) => Promise<{ path: string }>;

/** How many songs' answers are kept (the current one, and a few to go back to). */
const REMEMBERED = 16;

/**
 * mpris:artUrl for songs: the covers service's file as a file:// URL. The lookup is asynchronous (a
 * first one copies the image into the cache), so `get` answers what is known now and `onFound` is
 * called once an answer arrives, to publish the Metadata again.
 */
export function createArtUrls(lookup: SongCoverLookup, onFound: (songId: number) => void) {
  const known = new Map<number, string | null>();
  const asked = new Set<number>();
  return {
    get(songId: number): string | undefined {
      const url = known.get(songId);
      if (url !== undefined) return url ?? undefined;
      if (!asked.has(songId)) {
        asked.add(songId);
        lookup(songId).then(
          (file) => remember(songId, pathToFileURL(file.path).href),
          () => remember(songId, null),
        );
      }
      return undefined;
    },
  };
  function remember(songId: number, url: string | null) {
    asked.delete(songId);
    if (known.size >= REMEMBERED) known.delete(known.keys().next().value!);
    known.set(songId, url);
    if (url) onFound(songId);
  }
}
