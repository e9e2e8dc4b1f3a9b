import type { QueuePlacement } from '../../domain/player-command.js';
import { PAGE_SIZE, type RowSource } from '../data/row-source.js';
import type { SongItem } from '../ports.js';
import { songOf } from '../views/view-rows.js';
import type { CommandContext } from './run-command.js';

/** Most songs one key adds (a prolific artist); the player takes more, a key press should not. */
const MAX_ADDED = 10_000;

const failure = (ctx: CommandContext) => (cause: unknown) => ctx.notify(cause instanceof Error ? cause.message : String(cause), true);

/**
 * cmus's e / E: the selection — a song, an album's or artist's songs, every song under a folder, a
 * playlist or the liked songs (chosen in the sidebar) — goes to the end of the queue, or right
 * after the current song.
 */
export function enqueueSelection(ctx: CommandContext, placement: QueuePlacement): void {
  const picked = selectionSource(ctx);
  if (!picked) return ctx.notify('select a song, an album, an artist, a folder or a playlist first', true);
  void (async () => {
    const ids = picked.ids ?? (picked.songs ? (await picked.songs()).slice(0, MAX_ADDED).map((s) => s.id) : await idsOf(picked.source!));
    if (ids.length === 0) return ctx.notify(`${picked.label} has no songs`, true);
    const added = await ctx.services.player.enqueue(ids, placement);
    ctx.notify(`${placement === 'next' ? 'playing next' : 'added to the queue'}: ${picked.label}${added > 1 ? ` (${added} songs)` : ''}`);
  })().catch(failure(ctx));
}

function selectionSource(ctx: CommandContext): { label: string; ids?: number[]; source?: RowSource<SongItem>; songs?: () => Promise<SongItem[]> } | undefined {
  const { services } = ctx;
  if (ctx.nav.focus === 'sidebar') {
    const view = ctx.entries[ctx.nav.section]?.view;
    if (view?.kind === 'playlist') return { label: `“${view.playlist.name}”`, source: services.playlists.songs(view.playlist) };
    if (view?.kind === 'liked') return { label: 'your liked songs', source: services.playlists.liked() };
    return undefined;
  }
  const row = ctx.list.selected;
  const song = songOf(row);
  if (song) return { label: `“${song.title}”`, ids: [song.id] };
  if (row?.kind === 'album') return { label: `“${row.album.album}”`, source: services.catalog.albumSongs(row.album) };
  if (row?.kind === 'artist') return { label: row.artist.name, source: services.catalog.artistSongs(row.artist) };
  if (row?.kind === 'folder') return { label: `${row.folder.name}/`, songs: () => services.folders.songsUnder(row.folder.path) };
  return undefined;
}

async function idsOf(source: RowSource<SongItem>): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 0; ids.length < MAX_ADDED; page += 1) {
    const rows = await source.rows(page * PAGE_SIZE, PAGE_SIZE);
    ids.push(...rows.map((row) => row.id));
    if (rows.length < PAGE_SIZE) break;
  }
  return ids.slice(0, MAX_ADDED);
}

/** Asks first: the queue may have taken a while to build. */
export function clearQueue(ctx: CommandContext): void {
  ctx.setOverlay({
    kind: 'confirm',
    message: 'Clear the queue (and stop)?',
    onYes: async () => {
      const removed = await ctx.services.player.clearQueue();
      ctx.notify(`cleared the queue (${removed} song${removed === 1 ? '' : 's'})`);
    },
  });
}
