// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Song } from '../src/api.js';
import { Help, KEYS } from '../src/components/Help.js';
import { ROW_HEIGHT, SongList } from '../src/components/SongList.js';
import { queue } from '../src/player.js';

const song = (id: number): Song => ({
  id, title: `Song ${id}`, artist: 'Artist', artist_id: 1, album: 'Album', album_id: 1, album_artist: 'Artist', genre: null,
  year: 2026, track_no: id, disc_no: 1, duration_ms: 185_000, available: true, stream_url: `/api/songs/${id}/stream`,
});

let root: HTMLDivElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild): HTMLDivElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

describe('SongList', () => {
  it('renders only the rows in view of a 10,000-song list, and the rows further down once scrolled there', () => {
    const songs = Array.from({ length: 10_000 }, (_, i) => song(i + 1));
    const box = mount(<SongList songs={songs} label="Songs" />);
    const rows = () => [...box.querySelectorAll('[role="row"]')];
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60);
    expect(box.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).toBe('10000');
    expect((box.querySelector('.spacer') as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    const grid = box.querySelector('[role="grid"]') as HTMLElement;
    act(() => {
      grid.scrollTop = 5000 * ROW_HEIGHT;
      grid.dispatchEvent(new Event('scroll'));
    });
    const titles = rows().map((row) => row.querySelector('.title button')!.textContent);
    expect(titles).toContain('Song 5001');
    expect(titles).not.toContain('Song 1');
    expect(rows().length).toBeLessThan(60);
  });

  it('moves its cursor with j and k, plays from the cursor with Enter, and shows the song playing', () => {
    const songs = [song(1), song(2), song(3)];
    const box = mount(<SongList songs={songs} label="Songs" />);
    const grid = box.querySelector('[role="grid"]') as HTMLElement;
    const press = (key: string) => act(() => void grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    press('j');
    press('j');
    press('k');
    expect(box.querySelector('[aria-selected="true"]')!.getAttribute('data-row')).toBe('1');
    press('Enter');
    const state = queue.get();
    expect([state.entries.map((entry) => entry.song.id), state.index]).toEqual([[1, 2, 3], 1]);
    expect(box.querySelector('.row.playing .title button')!.textContent).toBe('Song 2');
  });

  it('labels every button for screen readers', () => {
    const box = mount(<SongList songs={[song(7)]} label="Songs" />);
    const labels = [...box.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(labels).toEqual(['Play Song 7', 'Like Song 7', 'More actions for Song 7']);
  });
});

describe('Help', () => {
  it('lists the keys, the TUI’s where they make sense', () => {
    const box = mount(<Help onClose={() => {}} />);
    const text = box.textContent ?? '';
    for (const [keys] of KEYS) expect(text).toContain(keys);
    expect(text).toContain('Play / pause');
    expect(box.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe('help-title');
  });
});
