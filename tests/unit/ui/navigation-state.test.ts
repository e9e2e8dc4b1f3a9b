import { describe, expect, it } from 'vitest';
import type { AlbumItem } from '../../../src/ui/ports.js';
import {
  breadcrumb,
  FIXED_SECTIONS,
  currentView,
  initialNavigation,
  navigationReducer,
  sidebarEntries,
  viewTitle,
} from '../../../src/ui/screens/navigation-state.js';

const mix = { id: 7, name: 'Mix', songCount: 2 };

describe('navigation reducer', () => {
  it('opens artists -> albums and goes back', () => {
    const entries = sidebarEntries([mix]);
    let state = navigationReducer(initialNavigation, { type: 'section', index: 1, entries });
    expect(currentView(state)).toEqual({ kind: 'artists' });
    state = navigationReducer(state, { type: 'open', view: { kind: 'artistAlbums', artist: { id: 1, name: 'Nina', albumCount: 1, songCount: 1 } }, fromCursor: 41 });
    expect(viewTitle(currentView(state))).toBe('Artists › Nina');
    state = navigationReducer(state, { type: 'back' });
    expect(currentView(state)).toEqual({ kind: 'artists' });
    expect(state.restoreCursor).toBe(41);
    expect(navigationReducer(state, { type: 'back' })).toBe(state);
  });

  it('lists playlists after the fixed sections and follows a deleted playlist back to Songs', () => {
    const entries = sidebarEntries([mix]);
    expect(entries.map((e) => e.label)).toEqual([...FIXED_SECTIONS.map((s) => s.label), 'Mix']);
    const onMix = navigationReducer(initialNavigation, { type: 'section', index: FIXED_SECTIONS.length, entries });
    expect(currentView(onMix)).toEqual({ kind: 'playlist', playlist: mix });
    const renamed = sidebarEntries([{ ...mix, name: 'Best' }]);
    expect(viewTitle(currentView(navigationReducer(onMix, { type: 'playlists', entries: renamed })))).toBe('Playlist: Best');
    expect(currentView(navigationReducer(onMix, { type: 'playlists', entries: sidebarEntries([]) }))).toEqual({ kind: 'songs' });
  });

  it('opens search results on top of the current view, and an empty query goes back to it', () => {
    const likedAt = FIXED_SECTIONS.findIndex((s) => s.view.kind === 'liked');
    const liked = navigationReducer(initialNavigation, { type: 'section', index: likedAt, entries: sidebarEntries([]) });
    const state = navigationReducer({ ...liked, focus: 'sidebar' }, { type: 'search', query: 'nina', fromCursor: 4 });
    expect(state).toEqual({ section: likedAt, stack: [{ kind: 'liked' }, { kind: 'songs', query: 'nina' }], cursors: [4], focus: 'list' });
    // Typing on replaces the results rather than stacking them.
    const more = navigationReducer(state, { type: 'search', query: 'nina s', fromCursor: 0 });
    expect(more.stack).toEqual([{ kind: 'liked' }, { kind: 'songs', query: 'nina s' }]);
    const back = navigationReducer(more, { type: 'search', query: '' });
    expect(currentView(back)).toEqual({ kind: 'liked' });
    expect(back.restoreCursor).toBe(4);
    expect(navigationReducer(back, { type: 'search', query: '' })).toBe(back);
  });

  it('titles the list with the whole way down from the section', () => {
    const album: AlbumItem = { id: 3, album: 'Homogenic', artist: 'Björk', year: 1997, songCount: 10 };
    expect(breadcrumb([{ kind: 'artists' }, { kind: 'artistAlbums', artist: { id: 2, name: 'Björk', albumCount: 1, songCount: 10 } }, { kind: 'albumSongs', album }])).toBe('Artists › Björk › Homogenic');
    expect(breadcrumb([{ kind: 'albums' }, { kind: 'albumSongs', album }])).toBe('Albums › Björk › Homogenic');
    expect(breadcrumb([{ kind: 'liked' }, { kind: 'songs', query: 'nina' }])).toBe('Liked › Search: nina');
  });
});
