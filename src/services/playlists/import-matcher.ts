import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { songIdentities, songsByPaths } from '../../db/repositories/song-lookup.js';
import type { PlaylistFileEntry } from './formats/playlist-file.js';

/** Lower case, no diacritics, single spaces: how artist and title are compared on import. */
export function matchKey(text: string): string {
  // Plain ASCII (most tags) has nothing to decompose: skip the costly normalisation.
  const base = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return base.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The local paths an entry's location may stand for. M3U paths may be relative to the playlist's
 * folder and written with Windows separators; XSPF locations are URIs (file:// or relative).
 */
export function candidatePaths(entry: PlaylistFileEntry, baseDir: string | undefined): string[] {
  const location = entry.location;
  if (!location) return [];
  let path: string | undefined;
  if (/^file:/i.test(location)) {
    try {
      path = fileURLToPath(location);
    } catch {
      return [];
    }
  } else if (/^[a-z][a-z0-9+.-]+:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) {
    return []; // http:// streams and other schemes are not library files
  } else {
    path = entry.locationKind === 'uri' ? safeDecodeUri(location) : location;
  }
  const variants = new Set<string>();
  for (const written of [path, path.replace(/\\/g, '/')]) {
    const absolute = isAbsolute(written) || !baseDir ? written : resolve(baseDir, written);
    const normal = isAbsolute(absolute) ? resolve(absolute) : absolute;
    variants.add(normal);
    variants.add(normal.normalize('NFC'));
    variants.add(normal.normalize('NFD'));
  }
  return [...variants];
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** For each entry, the id of the library song it names, or undefined. */
export async function matchEntries(
  db: Kysely<Database>,
  entries: PlaylistFileEntry[],
  baseDir: string | undefined,
): Promise<Array<number | undefined>> {
  const candidates = entries.map((e) => candidatePaths(e, baseDir));
  const byPath = await songsByPaths(db, candidates.flat());
  const matched = candidates.map((paths) => paths.map((p) => byPath.get(p)?.id).find((id) => id !== undefined));

  const byName = entries.filter((e, i) => matched[i] === undefined && (e.title || e.display));
  if (byName.length === 0) return matched;
  const index = await buildNameIndex(db, wantedTitles(byName));
  return matched.map((id, i) => id ?? findByName(index, entries[i]!));
}

/** Every title key the entries could mean; "A - B - C" may be artist "A - B" or artist "A". */
function wantedTitles(entries: PlaylistFileEntry[]): Set<string> {
  const wanted = new Set<string>();
  for (const entry of entries) {
    if (entry.title) wanted.add(matchKey(entry.title));
    if (entry.display) {
      const display = matchKey(entry.display);
      wanted.add(display);
      for (let at = display.indexOf(' - '); at >= 0; at = display.indexOf(' - ', at + 1)) wanted.add(display.slice(at + 3));
    }
  }
  return wanted;
}

interface NameIndex {
  byArtistTitle: Map<string, number>;
  byTitle: Map<string, number[]>;
}

/** Only songs whose title some entry may mean are indexed; the rest cost one title key each. */
async function buildNameIndex(db: Kysely<Database>, titles: Set<string>): Promise<NameIndex> {
  const index: NameIndex = { byArtistTitle: new Map(), byTitle: new Map() };
  // Available songs come first, so when a song exists twice the playable copy wins.
  for (const song of await songIdentities(db)) {
    const title = matchKey(song.title);
    if (!titles.has(title)) continue;
    const key = `${matchKey(song.artist)} - ${title}`;
    if (!index.byArtistTitle.has(key)) index.byArtistTitle.set(key, song.id);
    index.byTitle.set(title, [...(index.byTitle.get(title) ?? []), song.id]);
  }
  return index;
}

function findByName(index: NameIndex, entry: PlaylistFileEntry): number | undefined {
  // "Artist - Title" is compared whole, so an artist whose name contains " - " still matches.
  if (entry.display) {
    const whole = index.byArtistTitle.get(matchKey(entry.display));
    if (whole !== undefined) return whole;
  }
  if (entry.artist && entry.title) {
    const id = index.byArtistTitle.get(`${matchKey(entry.artist)} - ${matchKey(entry.title)}`);
    if (id !== undefined) return id;
  }
  // A bare title only counts when exactly one song has it.
  const title = entry.artist === undefined ? (entry.title ?? entry.display) : undefined;
  const ids = title ? index.byTitle.get(matchKey(title)) : undefined;
  return ids?.length === 1 ? ids[0] : undefined;
}
