import type { AlbumItem, ArtistItem, FolderItem, PlaylistItem } from '../ports.js';

/** What the main list is showing. Artists and albums open into deeper views kept on a stack. */
export type View =
  | { kind: 'songs'; query?: string }
  | { kind: 'artists' }
  | { kind: 'artistAlbums'; artist: ArtistItem }
  | { kind: 'albums' }
  | { kind: 'albumSongs'; album: AlbumItem }
  /** The library folders; then a folder, opened from there (cmus's and ncmpcpp's browser). */
  | { kind: 'folders' }
  | { kind: 'folder'; folder: FolderItem }
  | { kind: 'liked' }
  | { kind: 'queue' }
  | { kind: 'history' }
  /** A calendar year (this one when absent) or all time. */
  | { kind: 'stats'; year?: StatsYear }
  | { kind: 'playlist'; playlist: PlaylistItem };

export type StatsYear = number | 'all';

export type SectionKind = 'songs' | 'artists' | 'albums' | 'folders' | 'liked' | 'queue' | 'history' | 'stats';

export interface SidebarEntry {
  label: string;
  view: View;
}

export const FIXED_SECTIONS: SidebarEntry[] = [
  { label: 'Songs', view: { kind: 'songs' } },
  { label: 'Artists', view: { kind: 'artists' } },
  { label: 'Albums', view: { kind: 'albums' } },
  { label: 'Folders', view: { kind: 'folders' } },
  { label: 'Liked', view: { kind: 'liked' } },
  { label: 'Queue', view: { kind: 'queue' } },
  { label: 'History', view: { kind: 'history' } },
  { label: 'Stats', view: { kind: 'stats' } },
];

export function sidebarEntries(playlists: PlaylistItem[]): SidebarEntry[] {
  return [...FIXED_SECTIONS, ...playlists.map((playlist) => ({ label: playlist.name, view: { kind: 'playlist', playlist } as View }))];
}

export type Focus = 'sidebar' | 'list';

export interface NavigationState {
  /** Index into the sidebar entries. */
  section: number;
  /** The section's view first, then whatever was opened from it. Never empty. */
  stack: View[];
  /** The cursor each view below the top had when something was opened from it. */
  cursors: number[];
  /** Where the list's cursor goes once the view just returned to has loaded. */
  restoreCursor?: number;
  focus: Focus;
}

export type NavigationAction =
  | { type: 'section'; index: number; entries: SidebarEntry[] }
  /** Relative to wherever the sidebar is when the action runs (keys can outrun renders). */
  | { type: 'moveSection'; delta: number; entries: SidebarEntry[] }
  | { type: 'open'; view: View; fromCursor: number }
  | { type: 'back' }
  | { type: 'focus'; focus: Focus }
  | { type: 'toggleFocus' }
  /** Live search: results open on top of the current view; an empty query goes back to it. */
  | { type: 'search'; query: string; fromCursor?: number }
  | { type: 'playlists'; entries: SidebarEntry[] }
  /** The view on top, shown another way (the Stats view's year). */
  | { type: 'replace'; view: View };

export const initialNavigation: NavigationState = { section: 0, stack: [{ kind: 'songs' }], cursors: [], focus: 'list' };

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'section': {
      const index = Math.max(0, Math.min(action.entries.length - 1, action.index));
      const entry = action.entries[index];
      if (!entry || (index === state.section && state.stack.length === 1 && !isSearch(state))) {
        return index === state.section ? state : { ...state, section: index };
      }
      return { section: index, stack: [entry.view], cursors: [], focus: state.focus };
    }
    case 'moveSection':
      return navigationReducer(state, { type: 'section', index: state.section + action.delta, entries: action.entries });
    case 'open':
      return { section: state.section, stack: [...state.stack, action.view], cursors: [...state.cursors, action.fromCursor], focus: 'list' };
    case 'back':
      if (state.stack.length <= 1) return state;
      return { ...state, stack: state.stack.slice(0, -1), cursors: state.cursors.slice(0, -1), restoreCursor: state.cursors.at(-1) ?? 0 };
    case 'focus':
      return state.focus === action.focus ? state : { ...state, focus: action.focus };
    case 'toggleFocus':
      return { ...state, focus: state.focus === 'list' ? 'sidebar' : 'list' };
    case 'search': {
      const searching = isSearch(state);
      if (!action.query) {
        if (!searching) return state;
        if (state.stack.length > 1) return navigationReducer(state, { type: 'back' });
        return { ...state, stack: [{ kind: 'songs' }], cursors: [] };
      }
      const view: View = { kind: 'songs', query: action.query };
      if (searching) return { ...state, stack: [...state.stack.slice(0, -1), view], focus: 'list' };
      return { ...state, stack: [...state.stack, view], cursors: [...state.cursors, action.fromCursor ?? 0], focus: 'list' };
    }
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.view] };
    case 'playlists': {
      // A playlist was renamed, deleted or created: keep pointing at the same entry when it still exists.
      const current = currentView(state);
      if (current.kind !== 'playlist' || state.stack.length !== 1) return state;
      const index = action.entries.findIndex((e) => e.view.kind === 'playlist' && e.view.playlist.id === current.playlist.id);
      if (index < 0) return { ...state, section: 0, stack: [{ kind: 'songs' }], cursors: [] };
      const entry = action.entries[index];
      return entry ? { ...state, section: index, stack: [entry.view], cursors: [] } : state;
    }
  }
}

export function currentView(state: NavigationState): View {
  return state.stack[state.stack.length - 1] ?? { kind: 'songs' };
}

function isSearch(state: NavigationState): boolean {
  const view = currentView(state);
  return view.kind === 'songs' && view.query !== undefined;
}

/** Where the list is, from the section down: "Artists › Björk › Homogenic". */
export function breadcrumb(stack: readonly View[]): string {
  return stack.map((view, i) => crumb(view, stack[i - 1])).join(' › ');
}

function crumb(view: View, openedFrom: View | undefined): string {
  switch (view.kind) {
    case 'artistAlbums':
      return openedFrom ? view.artist.name : viewTitle(view);
    case 'albumSongs':
      return openedFrom?.kind === 'artistAlbums' ? view.album.album : viewTitle(view);
    case 'folder':
      return openedFrom?.kind === 'folder' ? view.folder.name : viewTitle(view);
    default:
      return viewTitle(view);
  }
}

export function viewTitle(view: View): string {
  switch (view.kind) {
    case 'songs':
      return view.query ? `Search: ${view.query}` : 'Songs';
    case 'artists':
      return 'Artists';
    case 'artistAlbums':
      return `Artists › ${view.artist.name}`;
    case 'albums':
      return 'Albums';
    case 'albumSongs':
      return `${view.album.artist} › ${view.album.album}`;
    case 'folders':
      return 'Folders';
    case 'folder':
      return view.folder.path;
    case 'liked':
      return 'Liked';
    case 'queue':
      return 'Queue';
    case 'history':
      return 'History';
    case 'stats':
      return view.year === undefined ? 'Stats' : `Stats · ${view.year === 'all' ? 'all time' : view.year}`;
    case 'playlist':
      return `Playlist: ${view.playlist.name}`;
  }
}
