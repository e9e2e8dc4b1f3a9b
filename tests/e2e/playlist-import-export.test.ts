import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

async function setup() {
  const music = tempDir('tunes-music-');
  const { home, songs } = await cliLibrary(['alice'], [
    { path: join(music, 'Joni Mitchell', 'Blue', '01 All I Want.flac'), artist: 'Joni Mitchell', title: 'All I Want', duration_ms: 214_400 },
    { path: join(music, 'Beyoncé', 'I Am', 'Halo.mp3'), artist: 'Beyoncé', title: 'Halo', duration_ms: 261_000 },
    { path: join(music, 'Sigur Rós', 'Svefn-g-englar.ogg'), artist: 'Sigur Rós', title: 'Svefn-g-englar', duration_ms: null },
  ]);
  const lists = join(music, 'Playlists');
  mkdirSync(lists);
  return { home, songs, music, lists };
}

type Show = { entries: Array<{ song_id: number }> };
const idsOf = async (home: string, ref: string) =>
  (JSON.parse((await runTunes(['playlist', 'show', ref, '--json'], { home })).stdout) as Show).entries.map((e) => e.song_id);

describe('tunes playlist import / export', () => {
  it('imports M3U files in the shapes other players write', async () => {
    const { home, songs, music, lists } = await setup();
    const [joni, halo, sigur] = songs.map((s) => s.id);
    const files: Array<[string, string, number[]]> = [
      // Winamp/foobar on Windows: BOM, CRLF, relative with backslashes
      ['windows.m3u8', '\uFEFF#EXTM3U\r\n#EXTINF:214,Joni Mitchell - All I Want\r\n..\\Joni Mitchell\\Blue\\01 All I Want.flac\r\n#EXTINF:261,Beyoncé - Halo\r\n..\\Beyoncé\\I Am\\Halo.mp3\r\n', [joni!, halo!]],
      // a hand-made list: absolute paths, comments, blank lines, no header
      ['plain.m3u', `# road trip\n\n${join(music, 'Sigur Rós', 'Svefn-g-englar.ogg')}\n# next\n${join(music, 'Joni Mitchell', 'Blue', '01 All I Want.flac')}\n`, [sigur!, joni!]],
      // relative POSIX paths from the playlist's own folder, file:// URI, and a path from another machine with #EXTINF
      ['mixed.m3u', `#EXTM3U\n../Sigur Rós/Svefn-g-englar.ogg\nfile://${encodeURI(join(music, 'Beyoncé', 'I Am', 'Halo.mp3'))}\n#EXTINF:214,JONI MITCHELL - all i want\n/home/someone/Music/joni.flac\n`, [sigur!, halo!, joni!]],
    ];
    for (const [name, text, expected] of files) {
      writeFileSync(join(lists, name), text);
      const result = await runTunes(['playlist', 'import', join(lists, name), '--json'], { home });
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 0, stderr: '' });
      const report = JSON.parse(result.stdout) as { playlist: { name: string }; matched: number; total: number };
      expect(report).toMatchObject({ matched: expected.length, total: expected.length });
      expect(await idsOf(home, report.playlist.name)).toEqual(expected);
    }
    // old .m3u in Latin-1
    writeFileSync(join(lists, 'latin1.m3u'), Buffer.from(`#EXTINF:261,Beyonc\xe9 - Halo\nsomewhere/halo.mp3\n`, 'latin1'));
    const latin = await runTunes(['playlist', 'import', join(lists, 'latin1.m3u'), '--name', 'Latin'], { home });
    expect(latin).toMatchObject({ code: 0, stdout: 'Imported "Latin" (id 4): 1 of 1 entry matched\n' });
  });

  it('reports unmatched entries, and refuses files where nothing matched (exit 4) or the name is taken (exit 5)', async () => {
    const { home, lists } = await setup();
    const file = join(lists, 'partly.m3u');
    writeFileSync(file, '#EXTM3U\n../Joni Mitchell/Blue/01 All I Want.flac\n#EXTINF:10,Nobody - Nothing\nnothing.mp3\nhttp://radio.example/live\n');
    const partly = await runTunes(['playlist', 'import', file], { home });
    expect(partly).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Imported "partly" (id 1): 1 of 3 entries matched\nNot matched:\n  line 4: nothing.mp3\n  line 5: http://radio.example/live\n`,
    });
    const again = await runTunes(['playlist', 'import', file], { home });
    expect(again).toMatchObject({ code: 5, stderr: 'tunes: you already have a playlist named "partly"\nhint: import it under another name with --name\n' });

    const none = join(lists, 'none.m3u8');
    writeFileSync(none, '/x/1.mp3\n/x/2.mp3\n');
    const nothing = await runTunes(['playlist', 'import', none], { home });
    expect(nothing.code).toBe(4);
    expect(nothing.stderr.split('\n')[0]).toBe('tunes: none of the 2 entries in none.m3u8 matched a song in the library; no playlist created');
    const empty = join(lists, 'empty.xspf');
    writeFileSync(empty, '<?xml version="1.0"?><playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList/></playlist>');
    expect(await runTunes(['playlist', 'import', empty], { home })).toMatchObject({ code: 4, stderr: 'tunes: empty.xspf has no entries; no playlist created\n' });
    const html = join(lists, 'page.xspf');
    writeFileSync(html, '<html></html>');
    expect(await runTunes(['playlist', 'import', html], { home })).toMatchObject({ code: 2, stderr: 'tunes: not an XSPF playlist: no <playlist> element\n' });
    const list = JSON.parse((await runTunes(['playlist', 'list', '--no-built-ins', '--json'], { home })).stdout) as Array<{ name: string }>;
    expect(list.map((p) => p.name)).toEqual(['partly']);
  });

  it('exports M3U8 to stdout and round-trips M3U8, XSPF and JSON through files', async () => {
    const { home, songs } = await setup();
    const order = [songs[1]!, songs[0]!, songs[2]!, songs[1]!].map((s) => s.id);
    await runTunes(['playlist', 'create', 'Trip'], { home });
    await runTunes(['playlist', 'add', 'trip', ...order.map(String)], { home });

    const m3u = await runTunes(['playlist', 'export', 'trip'], { home });
    expect(m3u.code).toBe(0);
    expect(m3u.stdout).toBe(
      [
        '#EXTM3U',
        '#PLAYLIST:Trip',
        '#EXTINF:261,Beyoncé - Halo',
        songs[1]!.path,
        '#EXTINF:214,Joni Mitchell - All I Want',
        songs[0]!.path,
        '#EXTINF:-1,Sigur Rós - Svefn-g-englar',
        songs[2]!.path,
        '#EXTINF:261,Beyoncé - Halo',
        songs[1]!.path,
        '',
      ].join('\n'),
    );

    const out = tempDir();
    for (const [format, file] of [['m3u8', 'trip.m3u8'], ['xspf', 'trip.xspf'], ['json', 'trip.json']] as const) {
      const target = join(out, file);
      const exported = await runTunes(['playlist', 'export', 'trip', '-o', target], { home });
      expect(exported).toMatchObject({ code: 0, stdout: '', stderr: `Exported "Trip" (4 songs) to ${target}\n` });
      if (format === 'xspf') expect(readFileSync(target, 'utf8')).toContain('<creator>Beyoncé</creator>');
      const imported = await runTunes(['playlist', 'import', target, '--name', `back ${format}`], { home });
      expect({ format, code: imported.code, stderr: imported.stderr }).toEqual({ format, code: 0, stderr: '' });
      expect(await idsOf(home, `back ${format}`)).toEqual(order);
    }
    // a pipe: export | import -
    const piped = await runTunes(['playlist', 'import', '-', '--name', 'piped', '--json'], { home, input: m3u.stdout });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ format: 'm3u', matched: 4, total: 4, unmatched: [] });
    expect(await idsOf(home, 'piped')).toEqual(order);
    const unnamed = await runTunes(['playlist', 'import', '-'], { home, input: '/x.mp3\n' });
    expect(unnamed).toMatchObject({ code: 2, stderr: 'tunes: the playlist has no name of its own; give one with --name\n' });

    // --format wins over the file name
    const forced = join(out, 'list.txt');
    await runTunes(['playlist', 'export', 'trip', '--format', 'xspf', '-o', forced], { home });
    expect(readFileSync(forced, 'utf8')).toMatch(/^<\?xml/);

    const unwritable = await runTunes(['playlist', 'export', 'trip', '-o', join(out, 'no-such-dir', 'x.m3u8')], { home });
    expect(unwritable.code).toBe(6);
    expect(unwritable.stderr).toMatch(/^tunes: cannot write .*x\.m3u8: ENOENT/);
  });
});
