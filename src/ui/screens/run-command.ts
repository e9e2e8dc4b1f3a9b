import type { User } from '../../domain/user.js';
import type { AppAction } from '../../services/keys/app-actions.js';
import type { PlaylistItem, SongItem, UiServices } from '../ports.js';
import type { PagedList } from '../widgets/list/use-paged-list.js';
import { songOf, songSource, type ListRow } from '../views/view-rows.js';
import { arraySource } from '../data/array-source.js';
import type { RowSource } from '../data/row-source.js';
import { currentView, sidebarEntries, type NavigationAction, type NavigationState, type SidebarEntry, type StatsYear } from './navigation-state.js';
import type { Overlay } from './overlay-state.js';
import { clearQueue, enqueueSelection } from './queue-actions.js';

export interface CommandContext {
  services: UiServices;
  user: User;
  nav: NavigationState;
  navigate(action: NavigationAction): void;
  entries: SidebarEntry[];
  list: PagedList<ListRow>;
  source: RowSource<ListRow> | undefined;
  setOverlay(overlay: Overlay): void;
  openSearch(): void;
  notify(text: string, isError?: boolean): void;
  reloadPlaylists(): Promise<PlaylistItem[]>;
  /** Quits the browser; the music plays on. */
  quit(): void;
}

/**
 * What each of the browser's own actions does on the main screen (the playback keys are player
 * commands, sent to the player as they are). Failures become a one-line notice, never a crash.
 */
export function runCommand(command: AppAction, ctx: CommandContext): void {
  const { nav, list, services } = ctx;
  const view = currentView(nav);
  const inSidebar = nav.focus === 'sidebar';
  const selectedSong = songOf(list.selected);
  const moveSidebar = (delta: number) => ctx.navigate({ type: 'moveSection', delta, entries: ctx.entries });

  switch (command) {
    case 'down':
    case 'up': {
      const delta = command === 'down' ? 1 : -1;
      return inSidebar ? moveSidebar(delta) : list.dispatch({ type: 'move', delta });
    }
    case 'top':
      return inSidebar ? moveSidebar(-ctx.entries.length) : list.dispatch({ type: 'top' });
    case 'bottom':
      return inSidebar ? moveSidebar(ctx.entries.length) : list.dispatch({ type: 'bottom' });
    case 'page-down':
    case 'page-up': {
      const direction = command === 'page-down' ? 1 : -1;
      return inSidebar ? moveSidebar(direction * 5) : list.dispatch({ type: 'page', direction });
    }
    case 'toggle-focus':
    case 'focus-sidebar':
      // Playlists made by another `tunes` meanwhile show up when the sidebar is visited.
      if (!inSidebar) void ctx.reloadPlaylists().catch(() => undefined);
      return ctx.navigate(command === 'toggle-focus' ? { type: 'toggleFocus' } : { type: 'focus', focus: 'sidebar' });
    case 'focus-list':
      return ctx.navigate({ type: 'focus', focus: 'list' });
    case 'back':
      // Kept search results go back to the view the search was started from.
      if (view.kind === 'songs' && view.query) return ctx.navigate({ type: 'search', query: '' });
      if (nav.stack.length > 1) return ctx.navigate({ type: 'back' });
      return ctx.navigate({ type: 'focus', focus: 'sidebar' });
    case 'search':
      return ctx.openSearch();
    case 'activate':
      return activate(ctx);
    case 'queue-end':
    case 'queue-next':
      return enqueueSelection(ctx, command === 'queue-next' ? 'next' : 'end');
    case 'clear-queue':
      return clearQueue(ctx);
    case 'add-to-playlist': {
      const folder = list.selected?.kind === 'folder' && !inSidebar ? list.selected.folder : undefined;
      if (folder) {
        // A folder goes in whole: every song under it, in path order.
        return void services.folders.songsUnder(folder.path).then(
          (songs) => (songs.length === 0 ? ctx.notify('no songs in that folder', true) : ctx.setOverlay({ kind: 'picker', songs, label: `${folder.name}/` })),
          (cause: unknown) => ctx.notify(cause instanceof Error ? cause.message : String(cause), true),
        );
      }
      if (!selectedSong || inSidebar) return ctx.notify('select a song first', true);
      return ctx.setOverlay({ kind: 'picker', songs: [selectedSong] });
    }
    case 'like':
      if (!selectedSong || inSidebar) return ctx.notify('select a song first', true);
      return void services.playlists.toggleLike(selectedSong.id).then(
        (liked) => {
          ctx.notify(liked ? `♥ liked “${selectedSong.title}”` : `unliked “${selectedSong.title}”`);
          if (view.kind === 'liked') list.refresh();
        },
        (cause: unknown) => ctx.notify(String((cause as Error).message ?? cause), true),
      );
    case 'remove':
      return removeSelected(ctx);
    case 'move-down':
    case 'move-up':
      return moveSelected(ctx, command === 'move-down' ? 1 : -1);
    case 'create-playlist':
      return ctx.setOverlay({
        kind: 'prompt',
        title: 'New playlist name',
        submit: async (name) => {
          const created = await services.playlists.create(name);
          await ctx.reloadPlaylists();
          ctx.notify(`created playlist “${created.name}”`);
        },
      });
    case 'rename-playlist': {
      const playlist = selectedPlaylist(ctx);
      if (!playlist) return ctx.notify('select a playlist in the sidebar (or open one) to rename it', true);
      return ctx.setOverlay({
        kind: 'prompt',
        title: `Rename “${playlist.name}” to`,
        initial: playlist.name,
        submit: async (name) => {
          await services.playlists.rename(playlist, name);
          ctx.navigate({ type: 'playlists', entries: await reloadedEntries(ctx) });
          ctx.notify(`renamed to “${name}”`);
        },
      });
    }
    case 'delete-playlist': {
      const playlist = selectedPlaylist(ctx);
      if (!playlist) return ctx.notify('select a playlist in the sidebar (or open one) to delete it', true);
      return ctx.setOverlay({
        kind: 'confirm',
        message: `Delete playlist “${playlist.name}” (${playlist.songCount} songs)?`,
        onYes: async () => {
          await services.playlists.remove(playlist);
          ctx.navigate({ type: 'playlists', entries: await reloadedEntries(ctx) });
          ctx.notify(`deleted “${playlist.name}”`);
        },
      });
    }
    case 'lyrics':
      return ctx.setOverlay({ kind: 'lyrics' });
    case 'info': {
      // The selected song; from the sidebar (or a row that is no song), the one playing.
      const songId = (!inSidebar ? selectedSong?.id : undefined) ?? services.player.status().song?.id;
      if (songId === undefined) return ctx.notify('select a song first (or play one)', true);
      return ctx.setOverlay({ kind: 'info', songId });
    }
    case 'stats-earlier':
    case 'stats-later':
    case 'stats-all-time':
      return changeStatsYear(command, ctx);
    case 'help':
      return ctx.setOverlay({ kind: 'help' });
    case 'detach':
      return ctx.quit();
    case 'quit':
      // Stop the music, then quit (quitting even when the player cannot be reached).
      return void services.player
        .dispatch({ type: 'stop' })
        .catch(() => undefined)
        .then(() => ctx.quit());
  }
}

/** The Stats view's year, `tunes stats --year`'s way: back a year, forward up to this one, or all time and back. */
function changeStatsYear(command: 'stats-earlier' | 'stats-later' | 'stats-all-time', ctx: CommandContext): void {
  const view = currentView(ctx.nav);
  if (view.kind !== 'stats') return;
  const thisYear = new Date().getFullYear();
  const shown = view.year ?? thisYear;
  let year: StatsYear;
  if (command === 'stats-all-time') year = shown === 'all' ? thisYear : 'all';
  else if (shown === 'all') year = thisYear;
  else if (command === 'stats-earlier') year = shown - 1;
  else if (shown >= thisYear) return ctx.notify(`${thisYear} is this year: there is no later one yet`);
  else year = shown + 1;
  ctx.navigate({ type: 'replace', view: { kind: 'stats', year } });
}

async function reloadedEntries(ctx: CommandContext): Promise<SidebarEntry[]> {
  return sidebarEntries(await ctx.reloadPlaylists());
}

function selectedPlaylist(ctx: CommandContext): PlaylistItem | undefined {
  const view = ctx.nav.focus === 'sidebar' ? ctx.entries[ctx.nav.section]?.view : currentView(ctx.nav);
  return view?.kind === 'playlist' ? view.playlist : undefined;
}

function activate(ctx: CommandContext): void {
  const { nav, list, services } = ctx;
  if (nav.focus === 'sidebar') return ctx.navigate({ type: 'focus', focus: 'list' });
  const row = list.selected;
  if (!row) return;
  const fromCursor = list.state.cursor;
  if (row.kind === 'heading' || row.kind === 'line') return;
  if (row.kind === 'artist') return ctx.navigate({ type: 'open', view: { kind: 'artistAlbums', artist: row.artist }, fromCursor });
  if (row.kind === 'album') return ctx.navigate({ type: 'open', view: { kind: 'albumSongs', album: row.album }, fromCursor });
  if (row.kind === 'folder') return ctx.navigate({ type: 'open', view: { kind: 'folder', folder: row.folder }, fromCursor });
  if (!ctx.source) return;
  const view = currentView(nav);
  if (row.kind === 'file') return playFolderFrom(ctx, ctx.source, row.song);
  // Playing from the queue jumps within it rather than replacing it with itself.
  const songs: RowSource<SongItem> = songSource(ctx.source);
  const work = view.kind === 'queue' ? services.player.jumpInQueue(list.state.cursor) : services.player.playList(songs, list.state.cursor);
  void work.then(
    () => view.kind === 'queue' && list.refresh(),
    (cause: unknown) => ctx.notify(cause instanceof Error ? cause.message : String(cause), true),
  );
}

/** Plays the files of the folder on screen (not its subfolders), from `song` on, as the queue. */
function playFolderFrom(ctx: CommandContext, source: RowSource<ListRow>, song: SongItem): void {
  const work = (async () => {
    const rows = await source.rows(0, (await source.count()) ?? 0);
    const songs = rows.flatMap((r) => (r.kind === 'file' ? [r.song] : []));
    await ctx.services.player.playList(arraySource(`${source.key}:files`, async () => songs), Math.max(0, songs.findIndex((s) => s.id === song.id)));
  })();
  void work.catch((cause: unknown) => ctx.notify(cause instanceof Error ? cause.message : String(cause), true));
}

function removeSelected(ctx: CommandContext): void {
  const { list, services } = ctx;
  const view = currentView(ctx.nav);
  const index = list.state.cursor;
  const song = songOf(list.selected);
  if (!song || ctx.nav.focus === 'sidebar') return ctx.notify('select a song first', true);
  let work: Promise<void>;
  if (view.kind === 'playlist') work = services.playlists.removeAt(view.playlist, index + 1);
  else if (view.kind === 'queue') work = services.player.removeFromQueue(index);
  else return ctx.notify('d removes songs from a playlist or the queue', true);
  void work.then(
    async () => {
      list.refresh();
      if (view.kind === 'playlist') await ctx.reloadPlaylists();
      ctx.notify(`removed “${song.title}”`);
    },
    (cause: unknown) => ctx.notify(cause instanceof Error ? cause.message : String(cause), true),
  );
}

function moveSelected(ctx: CommandContext, delta: 1 | -1): void {
  const { list, services } = ctx;
  const view = currentView(ctx.nav);
  const from = list.state.cursor;
  const to = from + delta;
  if (ctx.nav.focus === 'sidebar' || !songOf(list.selected)) return;
  if (to < 0 || to >= list.state.count) return;
  if (view.kind !== 'playlist' && view.kind !== 'queue') return ctx.notify('J/K reorder songs in a playlist or the queue', true);
  // The cursor follows the song at once: a second J/K arriving before this move is done (two in
  // one read) must move the song from where it is going, not from where it was.
  list.dispatch({ type: 'select', index: to });
  const work = view.kind === 'playlist' ? services.playlists.move(view.playlist, from + 1, to + 1) : services.player.moveInQueue(from, to);
  void work.then(
    () => list.refresh(),
    (cause: unknown) => {
      list.refresh();
      ctx.notify(cause instanceof Error ? cause.message : String(cause), true);
    },
  );
}
