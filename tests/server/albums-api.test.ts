import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALBUM_FIXTURES } from '../helpers/album-library.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer } from '../helpers/test-server.js';

interface AlbumJson {
  id: number;
  title: string;
  artist: string;
  artist_id: number;
  compilation: boolean;
  has_cover: boolean;
  song_count: number;
}

async function serverWithAlbums() {
  const server = await startTestServer();
  const admin = (await server.services.auth.register('admin', 'password one')).user;
  const music = join(tempDir(), 'Music');
  cpSync(ALBUM_FIXTURES, music, { recursive: true });
  await server.services.library.addRoots(admin, [music], { workers: 0 });
  const albums = (await (await server.call('GET', '/api/albums?limit=100')).json()) as AlbumJson[];
  const album = (title: string, artist?: string) => albums.find((a) => a.title === title && (artist === undefined || a.artist === artist))!;
  return { server, albums, album };
}

describe('albums and artists over HTTP', () => {
  it('pages and sorts albums, one per title and album artist, without a token', async () => {
    const { server, albums } = await serverWithAlbums();
    expect(albums.map((a) => a.title)).toEqual([
      'Basement Tapes', 'Flagged Hits', 'Game Music', 'Homogenic', 'Homogenic', 'Now That Is Music', 'Takk', 'The Battle for Wesnoth OST',
    ]);
    const first = await server.call('GET', '/api/albums?limit=3&sort=year');
    expect(first.headers.get('x-total-count')).toBe('8');
    expect(first.headers.get('link')).toBe('</api/albums?limit=3&sort=year&offset=3>; rel="next"');
    expect(((await first.json()) as AlbumJson[]).map((a) => a.title)).toEqual(['Homogenic', 'The Battle for Wesnoth OST', 'Homogenic']);
    const last = await server.call('GET', '/api/albums?limit=3&sort=year&offset=6');
    expect(last.headers.get('link')).toBeNull();
    expect((await server.call('GET', '/api/albums?sort=size')).status).toBe(400);
    const various = (await (await server.call('GET', '/api/albums?artist=various%20artists')).json()) as AlbumJson[];
    expect(various.every((a) => a.compilation)).toBe(true);
  });

  it('answers an album with its songs in order, and an artist with albums and appears-on', async () => {
    const { server, album } = await serverWithAlbums();
    const ost = await server.call('GET', `/api/albums/${album('The Battle for Wesnoth OST').id}`);
    const detail = (await ost.json()) as AlbumJson & { songs: Array<{ title: string; album_id: number; album_artist: string; path?: string }> };
    expect(detail.songs.map((s) => s.title)).toEqual(['Theme 1.1', 'Theme 1.2', 'Theme 1.3', 'Theme 2.1', 'Theme 2.2', 'Theme 2.3']);
    expect(detail.songs[0]).not.toHaveProperty('path');
    expect(detail.songs[0]).toMatchObject({ album_artist: 'Wesnoth Team', album_id: detail.id });

    const artists = (await (await server.call('GET', '/api/artists')).json()) as Array<{ id: number; name: string }>;
    const various = artists.find((a) => a.name === 'Various Artists')!;
    const page = (await (await server.call('GET', `/api/artists/${various.id}`)).json()) as { albums: AlbumJson[]; appears_on: unknown[] };
    expect(page.albums.map((a) => a.title).sort()).toEqual(['Flagged Hits', 'Game Music', 'Now That Is Music']);
    expect((await server.call('GET', '/api/albums/999')).status).toBe(404);
    expect((await server.call('GET', '/api/artists/abc')).status).toBe(400);
  });

  it('serves covers resized, with an ETag that answers 304, and 404 for an album without one', async () => {
    const { server, album } = await serverWithAlbums();
    const id = album('Now That Is Music').id;
    const full = await server.call('GET', `/api/albums/${id}/cover`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/png');
    const small = await server.call('GET', `/api/albums/${id}/cover?size=20`);
    const etag = small.headers.get('etag')!;
    expect(etag).not.toBe(full.headers.get('etag'));
    const bytes = Buffer.from(await small.arrayBuffer());
    const sharp = (await import('sharp')).default;
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 20, height: 20 });
    expect((await server.call('GET', `/api/albums/${id}/cover?size=20`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const none = await server.call('GET', `/api/albums/${album('Homogenic', 'The Homogenics').id}/cover`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await server.call('GET', `/api/albums/${id}/cover?size=9999`)).status).toBe(400);
    const songs = (await (await server.call('GET', `/api/albums/${id}`)).json()) as { songs: Array<{ id: number }> };
    const songCover = await server.call('GET', `/api/songs/${songs.songs[0]!.id}/cover?size=20`);
    expect(songCover.headers.get('etag')).toBe(etag);
  });
});
