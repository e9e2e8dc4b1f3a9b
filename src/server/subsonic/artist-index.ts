import type { Artist } from '../../domain/album.js';
import { fold } from '../../text/fold.js';

/** Articles left out when sorting and indexing names, as Subsonic servers report them in `ignoredArticles`. */
export const IGNORED_ARTICLES = ['The', 'El', 'La', 'Los', 'Las', 'Le', 'Les'];
const ARTICLE = new RegExp(`^(${IGNORED_ARTICLES.join('|')})\\s+`, 'i');

export function sortName(name: string): string {
  return fold(name.replace(ARTICLE, ''));
}

/** Artists grouped by the first letter of their name without its article ("The Beatles" under B); others under "#". */
export function indexArtists(artists: Artist[]): Array<{ name: string; artists: Artist[] }> {
  const groups = new Map<string, Array<{ key: string; artist: Artist }>>();
  for (const artist of artists) {
    const key = sortName(artist.name);
    const first = key.charAt(0).toUpperCase();
    const letter = /\p{L}/u.test(first) ? first : '#';
    const group = groups.get(letter) ?? [];
    group.push({ key, artist });
    groups.set(letter, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([name, members]) => ({
      name,
      artists: members.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.artist.id - y.artist.id)).map((m) => m.artist),
    }));
}
