import { isTunesError } from '../../../../errors.js';
import { Ack, MpdAck, oneLine } from '../ack.js';
import { command, type CommandSpec, type MpdContext } from '../context.js';
import { isoSeconds, songLines } from '../song-lines.js';

/**
 * MPD's stored playlists are the tunes playlists of the account logged in: listed and read here,
 * queued by `load`; changed with `tunes playlist` (the protocol's save/rm/playlistadd are refused).
 */
export const PLAYLIST_COMMANDS: Record<string, CommandSpec> = {
  listplaylists: command(0, 0, playlistEntries),
  listplaylist: command(1, 2, async (ctx, [name]) => {
    const uris = await ctx.uris();
    return (await songsOf(ctx, name!)).map((song) => `file: ${oneLine(uris.uriOf(song.path))}\n`).join('');
  }),
  listplaylistinfo: command(1, 2, async (ctx, [name]) => {
    const uris = await ctx.uris();
    return (await songsOf(ctx, name!)).map((song) => songLines(song, uris, ctx.tags)).join('');
  }),
  // A tunes playlist of the account logged in.
  load: command(1, 1, async (ctx, [name]) => {
    await ctx.host.dispatch({ type: 'queue-add', selection: { playlist: name! }, placement: 'end' });
  }),
};

export async function playlistEntries(ctx: MpdContext): Promise<string> {
  const playlists = await ctx.host.library.playlists.list();
  return playlists.map((p) => `playlist: ${oneLine(p.name)}\nLast-Modified: ${isoSeconds(Date.parse(p.updated_at))}\n`).join('');
}

async function songsOf(ctx: MpdContext, name: string) {
  try {
    return await ctx.host.library.playlists.songs(name);
  } catch (error) {
    if (isTunesError(error) && error.code === 'not_found') throw new MpdAck(Ack.NO_EXIST, 'No such playlist');
    throw error;
  }
}
