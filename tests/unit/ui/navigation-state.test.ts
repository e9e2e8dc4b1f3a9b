import { describe, expect, it } from 'vitest';
import {
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
    state = navigationReducer(state, { type: 'open', view: { kind: 'artistAlbums', artist: 'Nina' }, fromCursor: 41 });
    expect(viewTitle(currentView(state))).toBe('Artists › Nina');
    state = navigationReducer(state, { type: 'back' });
    expect(currentView(state)).toEqual({ kind: 'artists' });
    expect(state.restoreCursor).toBe(41);
    expect(navigationReducer(state, { type: 'back' })).toBe(state);
  });

  it('lists playlists after the fixed sections and follows a deleted playlist back to Songs', () => {
    const entries = sidebarEntries([mix]);
    expect(entries.map((e) => e.label)).toEqual([...FIXED_SECTIONS.map((s) => s.label), 'Mix']);
    const onMix = navigationReducer(initialNavigation, { type: 'section', index: 6, entries });
    expect(currentView(onMix)).toEqual({ kind: 'playlist', playlist: mix });
    const renamed = sidebarEntries([{ ...mix, name: 'Best' }]);
    expect(viewTitle(currentView(navigationReducer(onMix, { type: 'playlists', entries: renamed })))).toBe('Playlist: Best');
    expect(currentView(navigationReducer(onMix, { type: 'playlists', entries: sidebarEntries([]) }))).toEqual({ kind: 'songs' });
  });

  it('puts search results in the Songs list and clears them with an empty query', () => {
    const state = navigationReducer({ ...initialNavigation, focus: 'sidebar', section: 3 }, { type: 'search', query: 'nina' });
    expect(state).toEqual({ section: 0, stack: [{ kind: 'songs', query: 'nina' }], cursors: [], focus: 'list' });
    expect(currentView(navigationReducer(state, { type: 'search', query: '' }))).toEqual({ kind: 'songs' });
  });
});
