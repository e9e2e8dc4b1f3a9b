import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/services/playlists/playlist-export.js';
import { errorOf, playlistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The user's own playlists: the built-in smart ones every user has are tested in smart-playlists.test.ts. */
const OWN = { builtIns: false };

async function library() {
  const setup = await playlistSetup();
  const music = tempDir('tunes-music-');
  const songs = await seedSongs(setup.store, [
    { path: join(music, 'Joni Mitchell/Blue/01 All I Want.flac'), artist: 'Joni Mitchell', title: 'All I Want', duration_ms: 214_000 },
    { path: join(music, 'Beyoncé/I Am/Halo.mp3'), artist: 'Beyoncé', title: 'Halo', duration_ms: 261_000 },
    { path: join(music, 'Sigur Rós/Ágætis byrjun/Svefn-g-englar.ogg'), artist: 'Sigur Rós', title: 'Svefn-g-englar', duration_ms: null },
    { path: join(music, 'AC - DC/Back/Hells Bells.mp3'), artist: 'AC - DC', title: 'Hells Bells', missing_since: '2026-01-01T00:00:00.000Z' },
  ]);
  return { ...setup, music, songs };
}

describe('playlist import and export (service)', () => {
  it('imports an M3U with relative paths, #EXTINF fallback and reports what did not match', async () => {
    const { playlists, alice, music, songs } = await library();
    const text = [
      '#EXTM3U',
      '#EXTINF:214,Joni Mitchell - All I Want',
      'Joni Mitchell/Blue/01 All I Want.flac',
      '#EXTINF:261,BEYONCE - halo',
      'D:\\Old PC\\Music\\halo.mp3',
      '#EXTINF:100,Nobody - Nothing',
      '/nowhere/nothing.mp3',
      '#EXTINF:300,AC - DC - Hells Bells',
      'gone.mp3',
    ].join('\r\n');
    const result = await playlists.import(alice.id, { text, sourcePath: join(music, 'favourites.m3u') });
    expect(result).toMatchObject({ format: 'm3u', total: 4, matched: 3, unmatched: [{ ref: 'line 7', label: '/nowhere/nothing.mp3' }] });
    expect(result.playlist).toMatchObject({ name: 'favourites', song_count: 3 });
    const shown = await playlists.show(alice.id, 'favourites');
    expect(shown.entries.map((e) => e.song.id)).toEqual([songs[0]!.id, songs[1]!.id, songs[3]!.id]);
  });

  it('never creates an empty playlist: no entries, or nothing matched, is not_found', async () => {
    const { playlists, alice, music } = await library();
    expect(await errorOf(playlists.import(alice.id, { text: '#EXTM3U\n# only comments\n', sourcePath: join(music, 'empty.m3u8') }))).toBe(
      'not_found: empty.m3u8 has no entries; no playlist created',
    );
    expect(await errorOf(playlists.import(alice.id, { text: '/a.mp3\n/b.mp3\n', sourcePath: join(music, 'x.m3u') }))).toBe(
      'not_found: none of the 2 entries in x.m3u matched a song in the library; no playlist created',
    );
    expect(await playlists.list(alice.id, OWN)).toEqual([]);
  });

  it('refuses a name clash and a bad name, creating nothing', async () => {
    const { playlists, alice, music, songs } = await library();
    await playlists.create(alice.id, 'Mine');
    const text = `${songs[0]!.path}\n`;
    expect(await errorOf(playlists.import(alice.id, { text, sourcePath: join(music, 'MINE.m3u') }))).toBe(
      'conflict: you already have a playlist named "Mine" (the same name as "MINE")',
    );
    expect(await errorOf(playlists.import(alice.id, { text, sourcePath: join(music, 'x.m3u'), name: ' ' }))).toBe(
      'invalid_input: playlist name must not be blank',
    );
    expect((await playlists.list(alice.id, OWN)).map((p) => p.name)).toEqual(['Mine']);
  });

  it('imports XSPF by location, else by creator and title', async () => {
    const { playlists, alice, music, songs } = await library();
    const xml = `<?xml version="1.0"?><playlist version="1" xmlns="http://xspf.org/ns/0/"><title>From VLC</title><trackList>
      <track><location>Sigur%20R%C3%B3s/%C3%81g%C3%A6tis%20byrjun/Svefn-g-englar.ogg</location></track>
      <track><location>file:///elsewhere/halo.mp3</location><creator>beyonce</creator><title>HALO</title></track>
      <track><title>Unknown thing</title></track>
    </trackList></playlist>`;
    const result = await playlists.import(alice.id, { text: xml, sourcePath: join(music, 'list.xspf') });
    expect(result).toMatchObject({ format: 'xspf', total: 3, matched: 2, unmatched: [{ ref: 'track 3', label: 'Unknown thing' }] });
    expect(result.playlist.name).toBe('From VLC');
    expect((await playlists.songsOf(alice.id, { kind: 'playlist', ref: 'from vlc' })).songs.map((s) => s.id)).toEqual([
      songs[2]!.id,
      songs[1]!.id,
    ]);
  });

  it('round-trips every export format: same songs, same order, duplicates and unavailable songs included', async () => {
    const { playlists, alice, songs } = await library();
    const order = [songs[2]!, songs[0]!, songs[3]!, songs[0]!, songs[1]!].map((s) => s.id);
    await playlists.create(alice.id, 'Rock & "Roll" <3', { description: 'a & b' });
    await playlists.addSongs(alice.id, 'rock & "roll" <3', order);
    const out = tempDir();
    for (const format of EXPORT_FORMATS) {
      const { text } = await playlists.export(alice.id, 'Rock & "Roll" <3', format);
      // written somewhere else entirely: absolute locations do not depend on the file's folder
      const file = join(out, `copy.${format}`);
      writeFileSync(file, text);
      const result = await playlists.import(alice.id, { text, sourcePath: file, name: `copy ${format}` });
      expect({ format, matched: result.matched, unmatched: result.unmatched }).toEqual({ format, matched: 5, unmatched: [] });
      const copy = await playlists.songsOf(alice.id, { kind: 'playlist', ref: `copy ${format}` });
      expect({ format, ids: copy.songs.map((s) => s.id) }).toEqual({ format, ids: order });
    }
    const json = await playlists.import(alice.id, {
      text: (await playlists.export(alice.id, 'rock & "roll" <3', 'json')).text,
      sourcePath: join(out, 'x.json'),
      name: 'from json with description',
    });
    expect(json.playlist.description).toBe('a & b');
  });

  it('exports the liked songs as a playlist, newest first', async () => {
    const { playlists, likes, alice, bob, songs, clock } = await library();
    await likes.like(alice.id, [songs[0]!.id]);
    clock.advance(1000);
    await likes.like(alice.id, [songs[2]!.id]);
    await likes.like(bob.id, [songs[1]!.id]);
    const exported = await playlists.export(alice.id, { kind: 'liked' }, 'json');
    expect(exported).toMatchObject({ name: 'Liked songs', song_count: 2 });
    const back = await playlists.import(alice.id, { text: exported.text, name: 'Liked copy' });
    expect((await playlists.songsOf(alice.id, { kind: 'playlist', ref: 'liked copy' })).songs.map((s) => s.id)).toEqual([
      songs[2]!.id,
      songs[0]!.id,
    ]);
    expect(back.matched).toBe(2);
    // a playlist source works the same way through export
    expect((await playlists.export(alice.id, { kind: 'playlist', ref: 'liked copy' }, 'm3u8')).song_count).toBe(2);
  });
});
