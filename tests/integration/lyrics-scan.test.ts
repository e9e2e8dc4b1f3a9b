import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLyricsService } from '../../src/services/lyrics/lyrics-service.js';
import { libraryHarness, songIdAt } from '../helpers/library-harness.js';

const LYRICS_FIXTURES = fileURLToPath(new URL('../fixtures/lyrics', import.meta.url));

async function lyricsLibrary(workers = 0) {
  const harness = await libraryHarness();
  cpSync(LYRICS_FIXTURES, harness.music, { recursive: true, preserveTimestamps: true });
  await harness.library.addRoots(harness.admin, [harness.music], { workers });
  const lyrics = createLyricsService({ db: harness.store.db });
  const of = async (name: string) => lyrics.ofSong(await songIdAt(harness.store, harness.music, name));
  const rescan = () => harness.library.scan(harness.admin, {});
  return { ...harness, lyrics, of, rescan };
}

const texts = (found: { lines: Array<{ text: string }> } | null) => found?.lines.map((l) => l.text);

describe('lyrics read at scan time', () => {
  it('finds each song lyrics in the issue order, sidecars first', async () => {
    const { of } = await lyricsLibrary();
    const sidecar = await of('sidecar.mp3');
    expect(sidecar).toMatchObject({ source: 'sidecar', synced: true, tags: { ti: 'Sidecar Song', ar: 'Lyric Band' } });
    expect(sidecar!.lines).toEqual([
      { start_ms: 500, text: 'First line' },
      { start_ms: 2000, text: 'Second line' },
      { start_ms: 4000, text: 'Chorus line' },
      { start_ms: 6000, text: 'Chorus line' },
    ]);
    expect(texts(await of('upper.flac'))).toEqual(['Upper case sidecar']);
    expect(texts(await of('sub.ogg'))).toEqual(['From the lyrics folder']);
    expect(await of('both.flac')).toMatchObject({ source: 'sidecar', lines: [{ start_ms: 100, text: 'Sidecar wins' }] });
    expect(await of('sylt.mp3')).toMatchObject({
      source: 'sylt', synced: true, language: 'eng',
      lines: [{ start_ms: 500, text: 'Synced first' }, { start_ms: 1500, text: 'Synced second' }, { start_ms: 2500, text: 'Synced third' }],
    });
    expect(await of('embedded-lrc.flac')).toMatchObject({ source: 'embedded', synced: true, lines: [{ start_ms: 400 }, { start_ms: 800 }] });
    expect(await of('embedded-plain.m4a')).toMatchObject({
      source: 'embedded', synced: false, lines: [{ start_ms: null, text: 'Plain one' }, { start_ms: null, text: 'Plain two' }],
    });
    expect(texts(await of('latin.flac'))).toEqual(['Café “quoted”']);
    expect(await of('none.flac')).toBeNull();
  });

  it('finds the .lrc of a song that is a link: beside the link first, else beside the file it leads to', async () => {
    const harness = await libraryHarness();
    const elsewhere = join(harness.music, '..', 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    cpSync(join(LYRICS_FIXTURES, 'sidecar.mp3'), join(elsewhere, 'sidecar.mp3'));
    cpSync(join(LYRICS_FIXTURES, 'sidecar.lrc'), join(elsewhere, 'sidecar.lrc'));
    cpSync(join(LYRICS_FIXTURES, 'none.flac'), join(elsewhere, 'none.flac'));
    mkdirSync(harness.music, { recursive: true });
    symlinkSync(join(elsewhere, 'sidecar.mp3'), join(harness.music, 'linked.mp3'));
    symlinkSync(join(elsewhere, 'none.flac'), join(harness.music, 'own.flac'));
    writeFileSync(join(harness.music, 'own.lrc'), '[00:01.00]Beside the link\n');
    await harness.library.addRoots(harness.admin, [harness.music], {});
    const lyrics = createLyricsService({ db: harness.store.db });
    const of = async (name: string) => lyrics.ofSong(await songIdAt(harness.store, harness.music, name));
    expect(texts(await of('linked.mp3'))).toEqual(['First line', 'Second line', 'Chorus line', 'Chorus line']);
    expect(texts(await of('own.flac'))).toEqual(['Beside the link']);
  });

  it('reads the same through the tag threads', async () => {
    const { of } = await lyricsLibrary(2);
    expect(texts(await of('sub.ogg'))).toEqual(['From the lyrics folder']);
    expect((await of('sylt.mp3'))?.source).toBe('sylt');
  });

  it('picks up a changed, new or removed .lrc at the next scan though the audio is unchanged', async () => {
    const { of, rescan, music } = await lyricsLibrary();
    writeFileSync(join(music, 'sidecar.lrc'), '[00:01.00]Rewritten\n');
    utimesSync(join(music, 'sidecar.lrc'), new Date('2030-01-01'), new Date('2030-01-01'));
    writeFileSync(join(music, 'none.lrc'), 'Now it has words\n');
    rmSync(join(music, 'both.lrc'));
    const summary = await rescan();
    expect(summary.updated).toBe(3);
    expect(texts(await of('sidecar.mp3'))).toEqual(['Rewritten']);
    expect(await of('none.flac')).toMatchObject({ source: 'sidecar', synced: false, lines: [{ text: 'Now it has words' }] });
    // Without its sidecar, the song's own lyrics again.
    expect(await of('both.flac')).toMatchObject({ source: 'embedded', lines: [{ text: 'Embedded loses' }] });
    expect((await rescan()).updated).toBe(0);
  });

  it('keeps a moved song its id and takes the lyrics found at its new place', async () => {
    const { of, rescan, music, store } = await lyricsLibrary();
    const id = await songIdAt(store, music, 'sidecar.mp3');
    renameSync(join(music, 'sidecar.mp3'), join(music, 'moved.mp3'));
    renameSync(join(music, 'sidecar.lrc'), join(music, 'moved.lrc'));
    renameSync(join(music, 'sylt.mp3'), join(music, 'sylt-moved.mp3'));
    expect((await rescan()).moved).toBe(2);
    expect(await songIdAt(store, music, 'moved.mp3')).toBe(id);
    expect(texts(await of('moved.mp3'))?.[0]).toBe('First line');
    expect((await of('sylt-moved.mp3'))?.source).toBe('sylt');
    const orphans = await store.db.selectFrom('song_lyrics').select('song_id').where('song_id', 'not in', store.db.selectFrom('songs').select('id')).execute();
    expect(orphans).toEqual([]);
  });

  it('says not_found for a song that does not exist', async () => {
    const { lyrics } = await lyricsLibrary();
    await expect(lyrics.ofSong(99_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
