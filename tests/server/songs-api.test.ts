import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { startTestServer } from '../helpers/test-server.js';

interface SongJson {
  id: number;
  title: string;
  artist: string;
  available: boolean;
}

describe('GET /api/songs', () => {
  it('lists songs without a token, searches, filters and never shows paths', async () => {
    const server = await startTestServer();
    await seedSongs(server.store, [
      { title: 'Halo', artist: 'Beyoncé', album: 'I Am... Sasha Fierce', genre: 'Pop' },
      { title: 'Hoppípolla', artist: 'Sigur Rós', album: 'Takk...', genre: 'Post-rock' },
      { title: 'Glósóli', artist: 'Sigur Rós', album: 'Takk...', genre: 'Post-rock' },
      { title: 'Teardrop', artist: 'Massive Attack', album: 'Mezzanine', genre: 'Trip hop' },
    ]);
    const all = await server.call('GET', '/api/songs');
    expect(all.status).toBe(200);
    const songs = (await all.json()) as Array<SongJson & Record<string, unknown>>;
    expect(songs).toHaveLength(4);
    for (const song of songs) {
      expect(song).not.toHaveProperty('path');
      expect(song.available).toBe(true);
    }

    const titles = async (query: string) =>
      ((await (await server.call('GET', `/api/songs?${query}`)).json()) as SongJson[]).map((s) => s.title).sort();
    expect(await titles('q=hopp')).toEqual(['Hoppípolla']);
    expect(await titles('q=beyonce')).toEqual(['Halo']);
    expect(await titles('artist=sigur%20r%C3%B3s')).toEqual(['Glósóli', 'Hoppípolla']);
    expect(await titles('genre=trip%20hop')).toEqual(['Teardrop']);
    expect(await titles('album=Takk...&q=glos')).toEqual(['Glósóli']);
    expect(await titles('q=nothing-like-this')).toEqual([]);
  });

  it('pages with limit and cursor (Link and X-Next-Cursor headers) or offset', async () => {
    const server = await startTestServer();
    await seedSongs(server.store, Array.from({ length: 7 }, (_, i) => ({ title: `Track ${i}`, track_no: i + 1 })));
    const seen: number[] = [];
    let url: string | null = '/api/songs?limit=3';
    let pages = 0;
    while (url) {
      const res: Response = await server.call('GET', url);
      const page = (await res.json()) as SongJson[];
      seen.push(...page.map((s) => s.id));
      pages += 1;
      const link = res.headers.get('link');
      url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
      if (url) expect(url).toContain(`cursor=${res.headers.get('x-next-cursor')}`);
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const byOffset = (await (await server.call('GET', '/api/songs?limit=3&offset=3')).json()) as SongJson[];
    expect(byOffset.map((s) => s.id)).toEqual(seen.slice(3, 6));
  });

  it('rejects bad query strings with 400', async () => {
    const server = await startTestServer();
    for (const query of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1', 'offset=2&limit=3', 'cursor=garbage', 'cursor=abc&offset=0']) {
      const res = await server.call('GET', `/api/songs?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect((await server.call('GET', '/api/songs?limit=500')).status).toBe(200);
  });

  it('shows one song by id: 404 when unknown, 400 when not an id', async () => {
    const server = await startTestServer();
    const [song] = await seedSongs(server.store, [{ title: 'Halo', artist: 'Beyoncé' }]);
    const res = await server.call('GET', `/api/songs/${song!.id}`);
    expect(await res.json()).toMatchObject({ id: song!.id, title: 'Halo', artist: 'Beyoncé', duration_ms: 180_000 });
    expect((await server.call('GET', '/api/songs/999')).status).toBe(404);
    expect((await server.call('GET', '/api/songs/x')).status).toBe(400);
  });
});
