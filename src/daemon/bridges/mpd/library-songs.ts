import type { Song } from '../../../domain/song.js';
import type { SongNarrowing } from '../../../domain/tag-query.js';
import { MAX_SONGS_PER_READ } from '../../../services/library-query/library-query-service.js';
import { Ack, MpdAck } from './ack.js';
import type { MpdContext } from './context.js';
import { matches, narrowingOf } from './filter-match.js';
import type { LibraryUris } from './library-uris.js';
import type { ParsedFilter } from './song-filter.js';

/** The most songs one reply lists (a whole library through `listallinfo` or an `add /`). */
export const MAX_SONGS_PER_REPLY = 50_000;
/** The most songs one filter looks through once the database has narrowed them. */
export const MAX_SONGS_LOOKED_AT = 200_000;

/** Songs the narrowing lets through that `keep` accepts, in path order, up to `limit` (more: an ACK that says so). */
async function collect(ctx: MpdContext, where: SongNarrowing, keep: (song: Song) => boolean, limit = MAX_SONGS_PER_REPLY): Promise<Song[]> {
  const found: Song[] = [];
  let afterPath: string | undefined;
  for (let looked = 0; ; ) {
    const page = await ctx.host.library.query.songs(where, { afterPath, limit: MAX_SONGS_PER_READ });
    for (const song of page) if (keep(song)) found.push(song);
    if (found.length > limit) throw new MpdAck(Ack.SYSTEM, `more than ${limit} songs match; narrow it down`);
    looked += page.length;
    if (page.length < MAX_SONGS_PER_READ) return found;
    if (looked >= MAX_SONGS_LOOKED_AT) throw new MpdAck(Ack.SYSTEM, `too many songs to look through (over ${MAX_SONGS_LOOKED_AT}); narrow it with a tag`);
    afterPath = page.at(-1)!.path;
    // Other clients and the player get a turn between pages (the database answers synchronously).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The songs a filter finds (find, search, count, list with a filter), up to `limit`. */
export async function findSongs(ctx: MpdContext, filter: ParsedFilter, limit?: number): Promise<{ songs: Song[]; uris: LibraryUris }> {
  const uris = await ctx.uris();
  return { songs: await collect(ctx, narrowingOf(filter, uris), (song) => matches(filter, song, uris), limit), uris };
}

/** The file at a URI, or every song under the folder at it (the whole library for "" or "/"). */
export async function songsAt(ctx: MpdContext, uri: string): Promise<Song[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) throw new MpdAck(Ack.NO_EXIST, 'Unsupported URI scheme');
  const uris = await ctx.uris();
  const target = uris.resolve(uri);
  if (!target) throw new MpdAck(Ack.NO_EXIST, 'No such directory');
  if (target.kind === 'top') return collect(ctx, {}, () => true);
  const song = await ctx.host.library.query.songByPath(target.path);
  if (song) return [song];
  const songs = await collect(ctx, { pathPrefix: `${target.path}/` }, () => true);
  if (songs.length === 0) throw new MpdAck(Ack.NO_EXIST, 'No such directory');
  return songs;
}
