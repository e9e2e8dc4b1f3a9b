import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseXml, subsonicServer } from '../helpers/subsonic-server.js';

/**
 * The requests DSub (the Android client) makes, as its RESTMusicService and Util.getRestUrl build
 * them: /rest/NAME.view?u=...&v=1.2.0&c=DSub, XML answers (no f=), the password as p=enc:HEX until
 * ping shows a stock server of 1.14 or later, then token auth with a base-32 salt; User-Agent DSub
 * and Accept-Encoding gzip; audio by stream?id&maxBitRate with a Range header to resume.
 */
describe('replaying DSub', () => {
  it('logs in, browses by folders, plays from an offset, scrobbles, stars and makes a playlist', async () => {
    const { server, aliceKey } = await subsonicServer();
    const headers = { 'user-agent': 'DSub', 'accept-encoding': 'gzip' };
    const hexPassword = Buffer.from(aliceKey.key, 'utf8').toString('hex');
    let auth = `u=alice&p=enc:${hexPassword}`;
    const call = async (method: string, params: Record<string, string | number | boolean> = {}, extra: Record<string, string> = {}) => {
      const query = Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`).join('');
      return fetch(`${server.url}/rest/${method}.view?${auth}&v=1.2.0&c=DSub${query}`, { headers: { ...headers, ...extra } });
    };
    const xml = async (method: string, params: Record<string, string | number | boolean> = {}) => {
      const answer = await call(method, params);
      expect(answer.headers.get('content-type')).toMatch(/^text\/xml/);
      const body = parseXml(await answer.text())['subsonic-response'];
      expect(body['@status'], `${method}: ${JSON.stringify(body.error)}`).toBe('ok');
      return body;
    };

    const ping = await xml('ping');
    // What DSub reads to decide on token auth: a stock server (no Madsonic type) of 1.14 or later.
    expect(ping['@version']).toBe('1.16.1');
    const salt = BigInt(`0x${randomBytes(17).toString('hex')}`).toString(32);
    auth = `u=alice&s=${salt}&t=${createHash('md5').update(aliceKey.key + salt).digest('hex')}`;
    await xml('ping');
    expect((await xml('getLicense')).license['@valid']).toBe('true');
    const folder = (await xml('getMusicFolders')).musicFolders.musicFolder[0];
    const indexes = (await xml('getIndexes', { musicFolderId: folder['@id'] })).indexes;
    const artist = indexes.index.flatMap((i: { artist: unknown[] }) => i.artist).find((a: Record<string, string>) => a['@name'] === 'Björk');
    const artistDir = (await xml('getMusicDirectory', { id: artist['@id'] })).directory;
    const albumId = artistDir.child[0]['@id'];
    const albumDir = (await xml('getMusicDirectory', { id: albumId })).directory;
    const song = albumDir.child[0];
    expect(song['@title']).toBe('Hunter');

    const cover = await call('getCoverArt', { id: albumDir.child[0]['@coverArt'], size: 128 });
    expect(cover.headers.get('content-type')).toMatch(/^image\//);
    await cover.arrayBuffer();
    const whole = new Uint8Array(await (await call('stream', { id: song['@id'], maxBitRate: 0 })).arrayBuffer());
    expect(whole.length).toBe(Number(song['@size']));
    const resumed = await call('stream', { id: song['@id'], maxBitRate: 0 }, { range: 'bytes=1000-' });
    expect(resumed.status).toBe(206);
    expect(new Uint8Array(await resumed.arrayBuffer())).toEqual(whole.slice(1000));

    await xml('scrobble', { id: song['@id'], submission: false });
    expect((await xml('getNowPlaying')).nowPlaying.entry[0]['@title']).toBe('Hunter');
    await xml('scrobble', { id: song['@id'], submission: true, time: Date.now() });
    await xml('star', { id: song['@id'] });
    expect((await xml('getStarred')).starred.song.map((s: Record<string, string>) => s['@id'])).toEqual([song['@id']]);
    const found = (await xml('search3', { query: 'jóga', artistCount: 10, albumCount: 10, songCount: 10 })).searchResult3;
    expect(found.song.map((s: Record<string, string>) => s['@title'])).toEqual(['Jóga']);
    await xml('createPlaylist', { name: 'DSub mix', songId: song['@id'] });
    const playlists = (await xml('getPlaylists')).playlists.playlist;
    expect(playlists.map((p: Record<string, string>) => p['@name'])).toEqual(['DSub mix', 'Forgotten favourites', 'Most played', 'Never played', 'Recently added']);
    await xml('updatePlaylist', { playlistId: playlists[0]['@id'], songIdToAdd: found.song[0]['@id'] });
    expect((await xml('getPlaylist', { id: playlists[0]['@id'] })).playlist[0].entry).toHaveLength(2);
    expect((await xml('getAlbumList', { type: 'newest', size: 20, offset: 0 })).albumList.album.length).toBeGreaterThan(0);
    expect((await xml('getRandomSongs', { size: 5 })).randomSongs.song).toHaveLength(5);
    const history = await server.services.history.recent((await server.services.auth.checkPassword('alice', 'alice password')).id);
    expect(history.map((h) => String(h.song.id))).toEqual([song['@id']]);
  });
});

/**
 * The requests Feishin (the desktop client) makes, as its subsonic-api.ts and subsonic-normalize.ts
 * build them: JSON (f=json), v=1.13.0, c=Feishin, one salt and token made at login and sent on every
 * request after, audio and covers as URLs with the same credential.
 */
describe('replaying Feishin', () => {
  it('logs in once, browses albums and artists with covers, searches, plays, stars and scrobbles', async () => {
    const { server, aliceKey } = await subsonicServer();
    const salt = randomBytes(6).toString('hex');
    const credential = `u=alice&s=${salt}&t=${createHash('md5').update(aliceKey.key + salt).digest('hex')}`;
    const json = async (method: string, params: Record<string, string | number> = {}) => {
      const query = new URLSearchParams({ c: 'Feishin', f: 'json', v: '1.13.0', ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
      const answer = await fetch(`${server.url}/rest/${method}.view?${query}&${credential}`);
      const body = ((await answer.json()) as { 'subsonic-response': Record<string, any> })['subsonic-response'];
      expect(body.status, `${method}: ${JSON.stringify(body.error)}`).toBe('ok');
      return body;
    };
    await json('ping');
    expect((await json('getOpenSubsonicExtensions')).openSubsonicExtensions.map((e: { name: string }) => e.name)).toContain('formPost');
    await json('getMusicFolders');
    const albums = (await json('getAlbumList2', { type: 'alphabeticalByName', size: 50, offset: 0 })).albumList2.album;
    const homogenic = albums.find((a: Record<string, string>) => a.name === 'Homogenic' && a.artist === 'Björk');
    const album = (await json('getAlbum', { id: homogenic.id })).album;
    const cover = await fetch(`${server.url}/rest/getCoverArt.view?id=${album.coverArt}&${credential}&v=1.13.0&c=feishin&size=250`);
    expect(cover.headers.get('content-type')).toMatch(/^image\//);
    await cover.arrayBuffer();
    const artists = (await json('getArtists')).artists.index.flatMap((i: { artist: unknown[] }) => i.artist);
    const bjork = artists.find((a: Record<string, string>) => a.name === 'Björk');
    expect((await json('getArtist', { id: bjork.id })).artist.album).toHaveLength(1);
    await json('getArtistInfo', { id: bjork.id });
    await json('getTopSongs', { artist: 'Björk', count: 50 });
    const song = (await json('search3', { query: 'jóga', songCount: 10 })).searchResult3.song[0];
    expect(song.title).toBe('Jóga');
    expect((await json('getLyricsBySongId', { id: song.id })).lyricsList).toBeDefined();
    const audio = await fetch(`${server.url}/rest/stream.view?id=${song.id}&v=1.13.0&c=feishin_device1&${credential}`);
    expect(new Uint8Array(await audio.arrayBuffer()).length).toBe(song.size);
    await json('scrobble', { id: song.id, submission: 'false' });
    await json('scrobble', { id: song.id, submission: 'true' });
    await json('star', { id: song.id });
    expect((await json('getStarred')).starred.song.map((s: { id: string }) => s.id)).toEqual([song.id]);
    await json('unstar', { id: song.id });
  });
});
