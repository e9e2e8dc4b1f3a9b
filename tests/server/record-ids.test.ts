import { describe, expect, it } from 'vitest';
import { subsonicServer } from '../helpers/subsonic-server.js';

// PostgreSQL's id columns are 32-bit: a larger id used to reach the query and fail it there (500).
describe('ids larger than any database holds', () => {
  it('are refused by the HTTP API as malformed, not failed as a server error', async () => {
    const { server } = await subsonicServer();
    const { token } = await server.user('bob');
    for (const path of ['/api/songs/2147483648/lyrics', '/api/songs/1e20/stream', '/api/playlists/100000000000000000000', '/api/albums/2147483648']) {
      const res = await server.call('GET', path, { token });
      expect([path, res.status]).toEqual([path, 400]);
    }
    // 1e309 is Infinity, which the schema's maximum lets through: the service says no such song.
    expect((await server.call('GET', '/api/songs/1e309/lyrics', { token })).status).toBe(404);
    const played = await server.call('POST', '/api/me/history', { token, body: { song_id: 2 ** 40, ms_played: 1000 } });
    expect(played.status).toBe(400);
  });

  it('are "not found" to Subsonic clients', async () => {
    const { rest } = await subsonicServer();
    for (const id of ['2147483648', '9999999999999999', 'al-2147483648']) {
      const body = (await (await rest(id.startsWith('al-') ? 'getAlbum' : 'getSong', { id, f: 'json' })).json()) as { 'subsonic-response': { status: string; error?: { code: number } } };
      expect([id, body['subsonic-response'].error?.code]).toEqual([id, 70]);
    }
  });
});
