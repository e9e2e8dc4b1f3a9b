import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXml, subsonicServer } from '../helpers/subsonic-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const LYRICS_FIXTURES = fileURLToPath(new URL('../fixtures/lyrics', import.meta.url));

async function lyricsServer() {
  const subsonic = await subsonicServer();
  const music = join(tempDir(), 'Lyrics');
  cpSync(LYRICS_FIXTURES, music, { recursive: true });
  await subsonic.server.services.library.addRoots(subsonic.admin, [music], { workers: 0 });
  const { songs } = await subsonic.server.services.catalog.listSongs({ limit: 100 });
  const idOf = (title: string) => songs.find((s) => s.title === title)!.id;
  return { ...subsonic, idOf };
}

/** subsonic-api types lyricsList as the array itself; OpenSubsonic (and every server) nests it in structuredLyrics. */
const structured = (answer: { lyricsList: unknown }) => (answer.lyricsList as { structuredLyrics?: Array<Record<string, unknown>> }).structuredLyrics ?? [];

describe('lyrics over HTTP', () => {
  it('GET /api/songs/:id/lyrics gives the lyrics, none as an empty list, 404 for no song', async () => {
    const { server, idOf } = await lyricsServer();
    const res = await server.call('GET', `/api/songs/${idOf('Sidecar Song')}/lyrics`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      song_id: idOf('Sidecar Song'), source: 'sidecar', synced: true, language: null, tags: { ti: 'Sidecar Song', ar: 'Lyric Band' },
      lines: [
        { start_ms: 500, text: 'First line' }, { start_ms: 2000, text: 'Second line' },
        { start_ms: 4000, text: 'Chorus line' }, { start_ms: 6000, text: 'Chorus line' },
      ],
    });
    expect(await (await server.call('GET', `/api/songs/${idOf('No Lyrics')}/lyrics`)).json()).toMatchObject({ source: null, synced: false, lines: [] });
    expect((await server.call('GET', '/api/songs/99999/lyrics')).status).toBe(404);
    expect((await server.call('GET', '/api/songs/abc/lyrics')).status).toBe(400);
  });

  it('Subsonic getLyricsBySongId (OpenSubsonic songLyrics) through a real client, and in XML', async () => {
    const { byKey, rest, idOf } = await lyricsServer();
    const extensions = await byKey.getOpenSubsonicExtensions();
    expect(extensions.openSubsonicExtensions.map((e) => e.name)).toContain('songLyrics');
    const synced = await byKey.getLyricsBySongId({ id: String(idOf('SYLT Song')) });
    expect(structured(synced)).toEqual([{
      displayArtist: 'Unknown Artist', displayTitle: 'SYLT Song', lang: 'eng', offset: 0, synced: true,
      line: [{ start: 500, value: 'Synced first' }, { start: 1500, value: 'Synced second' }, { start: 2500, value: 'Synced third' }],
    }]);
    const plain = await byKey.getLyricsBySongId({ id: String(idOf('Embedded Plain')) });
    expect(structured(plain)[0]).toMatchObject({ lang: 'und', synced: false, line: [{ value: 'Plain one' }, { value: 'Plain two' }] });
    expect(structured(await byKey.getLyricsBySongId({ id: String(idOf('No Lyrics')) }))).toEqual([]);
    const xml = parseXml(await (await rest('getLyricsBySongId', { id: String(idOf('Sidecar Song')) })).text());
    const lyrics = xml['subsonic-response'].lyricsList.structuredLyrics;
    expect(lyrics['@synced']).toBe('true');
    expect(lyrics.line[0]).toEqual({ '@start': '500', '#text': 'First line' });
  });

  it('Subsonic getLyrics finds a song by artist and title', async () => {
    const { byKey } = await lyricsServer();
    const found = await byKey.getLyrics({ artist: 'Lyric Band', title: 'Sidecar Song' });
    expect(found.lyrics).toMatchObject({ artist: 'Lyric Band', title: 'Sidecar Song', value: 'First line\nSecond line\nChorus line\nChorus line' });
    expect((await byKey.getLyrics({ artist: 'Nobody', title: 'Nothing' })).lyrics).toEqual({});
  });
});
