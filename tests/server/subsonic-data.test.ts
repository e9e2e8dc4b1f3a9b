import { describe, expect, it } from 'vitest';
import { subsonicServer } from '../helpers/subsonic-server.js';

type Failed = { status: string; error?: { code: number } };
const failure = (answer: object) => (answer as Failed).error;

async function songIds(byKey: Awaited<ReturnType<typeof subsonicServer>>['byKey'], query: string): Promise<string[]> {
  return ((await byKey.search3({ query, songCount: 10 })).searchResult3.song ?? []).map((song) => song.id);
}

describe('Subsonic playlists, stars, queue: each user sees only their own', () => {
  it('creates, fills, updates, replaces and deletes playlists', async () => {
    const { byKey, server, alice } = await subsonicServer();
    const takk = await songIds(byKey, 'takk');
    const [hunter] = await songIds(byKey, 'hunter');
    const created = (await byKey.createPlaylist({ name: 'Mix', songId: takk } as never)).playlist;
    expect(created).toMatchObject({ name: 'Mix', owner: 'alice', songCount: takk.length });
    expect(created.entry?.map((e) => e.id)).toEqual(takk);

    await byKey.updatePlaylist({ playlistId: created.id, name: 'Evening', comment: 'slow ones', songIdToAdd: [hunter!], songIndexToRemove: [0] } as never);
    const updated = (await byKey.getPlaylist({ id: created.id })).playlist;
    expect(updated).toMatchObject({ name: 'Evening', comment: 'slow ones' });
    expect(updated.entry?.map((e) => e.id)).toEqual([...takk.slice(1), hunter]);
    // The CLI's playlist service sees the same playlist.
    const detail = await server.services.playlists.show(alice.id, 'Evening');
    expect(detail.entries.map((e) => String(e.song.id))).toEqual([...takk.slice(1), hunter]);

    const replaced = (await byKey.createPlaylist({ playlistId: created.id, songId: [hunter!] } as never)).playlist;
    expect(replaced.entry?.map((e) => e.id)).toEqual([hunter]);
    expect(replaced.name).toBe('Evening');
    // The user's own, then the built-in smart playlists, read-only.
    const listed = (await byKey.getPlaylists()).playlists.playlist ?? [];
    expect(listed.map((p) => [p.name, (p as { readonly?: boolean }).readonly ?? false])).toEqual([
      ['Evening', false], ['Forgotten favourites', true], ['Most played', true], ['Never played', true], ['Recently added', true],
    ]);

    await byKey.deletePlaylist({ id: created.id });
    expect((await byKey.getPlaylists()).playlists.playlist?.map((p) => p.name)).not.toContain('Evening');
    expect(failure(await byKey.getPlaylist({ id: created.id }))).toMatchObject({ code: 70 });
    expect(failure(await byKey.createPlaylist({} as never))).toMatchObject({ code: 10 });
  });

  it('stars songs as likes, and albums and artists; getStarred2 lists them; unstar undoes', async () => {
    const { byKey, server, alice } = await subsonicServer();
    const [hunter] = await songIds(byKey, 'hunter');
    const album = (await byKey.search3({ query: 'takk' })).searchResult3.album![0]!;
    const artist = (await byKey.search3({ query: 'björk' })).searchResult3.artist![0]!;
    await byKey.star({ id: hunter!, albumId: album.id, artistId: artist.id } as never);
    const starred = (await byKey.getStarred2()).starred2;
    expect(starred.song?.map((s) => s.id)).toEqual([hunter]);
    expect(starred.album?.map((a) => a.id)).toEqual([album.id]);
    expect(starred.artist?.map((a) => a.id)).toEqual([artist.id]);
    expect(starred.song?.[0]?.starred).toBeInstanceOf(Date);
    expect((await server.services.likes.list(alice.id)).map((l) => String(l.song.id))).toEqual([hunter]);
    expect((await byKey.getAlbum({ id: album.id })).album.starred).toBeInstanceOf(Date);
    expect((await byKey.getSong({ id: hunter! })).song.starred).toBeInstanceOf(Date);
    const legacy = (await byKey.getStarred()).starred;
    expect(legacy.album?.map((a) => a.id)).toEqual([album.id]);

    await byKey.unstar({ id: [hunter!, album.id, artist.id] } as never);
    const none = (await byKey.getStarred2()).starred2;
    expect([none.song ?? [], none.album ?? [], none.artist ?? []]).toEqual([[], [], []]);
    expect(await server.services.likes.list(alice.id)).toEqual([]);
    expect(failure(await byKey.star({ id: '999999' }))).toMatchObject({ code: 70 });
  });

  it("another user sees none of alice's playlists, stars, queue or history", async () => {
    const { byKey, server, client } = await subsonicServer();
    const [hunter] = await songIds(byKey, 'hunter');
    const playlist = (await byKey.createPlaylist({ name: 'Secret', songId: hunter } as never)).playlist;
    await byKey.star({ id: hunter! });
    await byKey.savePlayQueue({ id: [hunter!], current: hunter, position: 1500 } as never);
    await byKey.scrobble({ id: hunter!, submission: true });
    const bob = (await server.services.auth.register('bob', 'bob password')).user;
    const bobClient = client({ apiKey: (await server.services.appKeys.create(bob.id)).key });
    expect((await bobClient.getPlaylists()).playlists.playlist?.filter((p) => !(p as { readonly?: boolean }).readonly) ?? []).toEqual([]);
    expect(failure(await bobClient.getPlaylist({ id: playlist.id }))).toMatchObject({ code: 70 });
    expect(failure(await bobClient.deletePlaylist({ id: playlist.id }))).toMatchObject({ code: 70 });
    expect(failure(await bobClient.updatePlaylist({ playlistId: playlist.id, name: 'Mine' } as never))).toMatchObject({ code: 70 });
    expect(failure(await bobClient.getPlaylists({ username: 'alice' } as never))).toMatchObject({ code: 50 });
    expect((await bobClient.getStarred2()).starred2.song ?? []).toEqual([]);
    expect((await bobClient.getPlayQueue()) as object).not.toHaveProperty('playQueue');
    expect((await bobClient.getAlbumList2({ type: 'recent' } as never)).albumList2.album ?? []).toEqual([]);
    expect(failure(await bobClient.getUser({ username: 'alice' }))).toMatchObject({ code: 50 });
    expect(failure(await bobClient.getScanStatus())).toMatchObject({ code: 50 });
    expect((await byKey.getPlaylist({ id: playlist.id })).playlist.name).toBe('Secret');
  });

  it('saves and returns the play queue; scrobble without submission is now playing', async () => {
    const { byKey } = await subsonicServer();
    const ids = await songIds(byKey, 'takk');
    await byKey.savePlayQueue({ id: ids, current: ids[1], position: 42_000 } as never);
    const queue = ((await byKey.getPlayQueue()) as unknown as { playQueue: { current: string; position: number; changedBy: string; entry: Array<{ id: string }> } }).playQueue;
    expect(queue).toMatchObject({ current: ids[1], position: 42_000, changedBy: 'subsonic-api' });
    expect(queue.entry.map((e) => e.id)).toEqual(ids);
    expect(failure(await byKey.savePlayQueue({ id: ids, current: '999999' } as never))).toBeDefined();

    await byKey.scrobble({ id: ids[0]!, submission: false });
    const playing = ((await byKey.getNowPlaying()) as unknown as { nowPlaying: { entry: Array<{ id: string; username: string; playerName: string }> } }).nowPlaying;
    expect(playing.entry).toEqual([expect.objectContaining({ id: ids[0], username: 'alice', playerName: 'subsonic-api' })]);
  });

  it('manages app keys over /api/me/apikeys (shown once, listed without it, deleted at once)', async () => {
    const { server } = await subsonicServer();
    const { token } = await server.user('carol');
    const made = await server.call('POST', '/api/me/apikeys', { token, body: { name: 'laptop' } });
    expect(made.status).toBe(201);
    const created = (await made.json()) as { name: string; key: string };
    expect(created.name).toBe('laptop');
    const listed = await (await server.call('GET', '/api/me/apikeys', { token })).text();
    expect(listed).toContain('"name":"laptop"');
    expect(listed).not.toContain(created.key);
    expect((await server.call('POST', '/api/me/apikeys', { token, body: { name: 'laptop' } })).status).toBe(409);
    expect((await server.call('GET', '/api/me/apikeys')).status).toBe(401);
    const ping = () => fetch(`${server.url}/rest/ping?f=json&apiKey=${created.key}`).then((r) => r.json() as Promise<{ 'subsonic-response': Failed }>);
    expect((await ping())['subsonic-response'].status).toBe('ok');
    expect((await server.call('DELETE', '/api/me/apikeys/laptop', { token })).status).toBe(200);
    expect((await ping())['subsonic-response'].error?.code).toBe(44);
    expect((await server.call('DELETE', '/api/me/apikeys/laptop', { token })).status).toBe(404);
  });
});
