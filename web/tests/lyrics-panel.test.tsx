// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presentLyrics } from '../../src/server/api/present/lyrics.js';
import type { Song } from '../src/api.js';
import { Help, KEYS } from '../src/components/Help.js';
import { LyricsPanel } from '../src/components/LyricsPanel.js';
import { lineAt } from '../src/lyrics.js';
import { queue, transport } from '../src/player.js';
import * as q from '../src/queue.js';

const song = (id: number): Song => ({
  id, title: `Song ${id}`, artist: 'Artist', artist_id: 1, album: 'Album', album_id: 1, album_artist: 'Artist', genre: null,
  year: 2026, track_no: id, disc_no: 1, duration_ms: 185_000, available: true, stream_url: `/api/songs/${id}/stream`,
});

// The bodies are the server's own presenter's, so a change of the API's shape breaks this test.
const bodies: Record<number, unknown> = {
  1: presentLyrics(1, {
    song_id: 1, source: 'sidecar', synced: true, language: 'eng', tags: {},
    lines: [{ start_ms: 1000, text: 'First line' }, { start_ms: 5000, text: 'Second line' }, { start_ms: 9000, text: 'Third line' }],
  }),
  2: presentLyrics(2, null),
  3: presentLyrics(3, { song_id: 3, source: 'embedded', synced: false, language: null, tags: {}, lines: [{ start_ms: null, text: 'Plain words' }, { start_ms: null, text: 'More words' }] }),
};
const requested: string[] = [];
vi.stubGlobal('fetch', async (path: string) => {
  requested.push(path);
  const id = Number(/\/api\/songs\/(\d+)\/lyrics/.exec(path)?.[1]);
  const body = bodies[id] ?? { error: { code: 'not_found', message: 'No such song' } };
  return new Response(JSON.stringify(body), { status: id in bodies ? 200 : 404, headers: { 'content-type': 'application/json' } });
});

let root: HTMLDivElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mountPlaying(id: number) {
  act(() => queue.set(q.replaceWith(q.emptyQueue, [song(id)], 0)));
  act(() => transport.set((t) => ({ ...t, position_ms: 0 })));
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<LyricsPanel onClose={() => {}} />, root));
  await vi.waitFor(() => expect(root.textContent).not.toContain('Loading'));
  return root;
}
const at = (ms: number) => act(() => transport.set((t) => ({ ...t, position_ms: ms })));
const currentLine = () => root.querySelector('li.current')?.textContent ?? null;

describe('LyricsPanel', () => {
  it('follows synced lyrics with the audio: the line sung is lit and scrolled into view', async () => {
    const scrolled: string[] = [];
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.textContent ?? '');
    };
    const box = await mountPlaying(1);
    expect(requested).toContain('/api/songs/1/lyrics');
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['First line', 'Second line', 'Third line']);
    expect(currentLine()).toBeNull();
    at(1000);
    expect(currentLine()).toBe('First line');
    at(6500);
    expect(currentLine()).toBe('Second line');
    expect(box.querySelector('li.current')!.getAttribute('aria-current')).toBe('true');
    at(60_000);
    expect(currentLine()).toBe('Third line');
    at(2000); // seeking back
    expect(currentLine()).toBe('First line');
    expect(scrolled).toEqual(['First line', 'Second line', 'Third line', 'First line']);
  });

  it('shows unsynced lyrics plain, and says so when a song has none or is gone', async () => {
    const box = await mountPlaying(3);
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Plain words', 'More words']);
    at(50_000);
    expect(box.querySelector('li.current')).toBeNull();
    render(null, root);
    root.remove();
    expect((await mountPlaying(2)).textContent).toContain('No lyrics for this song');
    render(null, root);
    root.remove();
    expect((await mountPlaying(404)).textContent).toContain('No lyrics for this song');
  });

  it('follows the queue to the next song', async () => {
    const box = await mountPlaying(1);
    act(() => queue.set(q.replaceWith(q.emptyQueue, [song(2)], 0)));
    await vi.waitFor(() => expect(box.textContent).toContain('No lyrics for this song'));
  });
});

describe('lineAt', () => {
  it('picks the last line started, none before the first', () => {
    const lines = [{ start_ms: 0, text: 'a' }, { start_ms: 1000, text: 'b' }, { start_ms: 1000, text: 'c' }];
    expect([lineAt(lines, -1), lineAt(lines, 0), lineAt(lines, 999), lineAt(lines, 1000), lineAt(lines, 10_000)]).toEqual([-1, 0, 0, 2, 2]);
  });
});

describe('Help', () => {
  it('lists y for the lyrics', () => {
    expect(KEYS.find(([key]) => key === 'y')?.[1]).toMatch(/lyrics/);
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Help onClose={() => {}} />, root));
    expect(root.textContent).toContain('Show / hide the lyrics');
  });
});
