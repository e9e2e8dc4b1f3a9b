import { describe, expect, it } from 'vitest';
import { decodePlaylistBytes, detectFormat } from '../../src/services/playlists/formats/detect-format.js';
import { parseM3u, writeM3u8 } from '../../src/services/playlists/formats/m3u.js';
import { parseTunesJson, writeTunesJson } from '../../src/services/playlists/formats/tunes-json.js';
import { parseXspf, writeXspf } from '../../src/services/playlists/formats/xspf.js';
import { candidatePaths, matchKey } from '../../src/services/playlists/import-matcher.js';
import { TunesError } from '../../src/errors.js';

const songs = [
  { path: '/music/Joni Mitchell/Blue/01 All I Want.flac', title: 'All I Want', artist: 'Joni Mitchell', album: 'Blue', duration_ms: 214_600 },
  { path: '/music/Sigur Rós/Ágætis byrjun/03 & <odd>.mp3', title: 'Svefn-g-englar', artist: 'Sigur Rós', album: 'Ágætis byrjun', duration_ms: null },
];

describe('M3U', () => {
  it('reads the extended M3U VLC and foobar write, with BOM and Windows line endings', () => {
    const text = '\uFEFF#EXTM3U\r\n#PLAYLIST:Evening\r\n#EXTINF:215,Joni Mitchell - All I Want\r\n../Music/all i want.flac\r\n\r\n#EXTINF:-1,Unknown\r\nhttp://radio.example/stream\r\n';
    expect(parseM3u(text)).toEqual({
      name: 'Evening',
      entries: [
        { ref: 'line 4', location: '../Music/all i want.flac', locationKind: 'path', durationMs: 215_000, display: 'Joni Mitchell - All I Want', artist: 'Joni Mitchell', title: 'All I Want' },
        { ref: 'line 7', location: 'http://radio.example/stream', locationKind: 'path', display: 'Unknown', title: 'Unknown' },
      ],
    });
  });

  it('reads a bare list of paths with comments, blank lines and old Mac line endings', () => {
    const text = '# my mix\r/a/one.mp3\r\r  /a/two.mp3  \r#not a directive\rC:\\Music\\three.mp3';
    expect(parseM3u(text).entries.map((e) => [e.ref, e.location])).toEqual([
      ['line 2', '/a/one.mp3'],
      ['line 4', '/a/two.mp3'],
      ['line 6', 'C:\\Music\\three.mp3'],
    ]);
  });

  it('reads #EXTINF with attributes whose values contain commas, and decimals', () => {
    const parsed = parseM3u('#EXTM3U\n#EXTINF:12.5 tvg-name="a, b" group-title="x",Artist - Song, Part 2\nsong.mp3\n');
    expect(parsed.entries[0]).toMatchObject({ durationMs: 12_500, artist: 'Artist', title: 'Song, Part 2' });
  });

  it('does not carry an #EXTINF over to the next path', () => {
    const parsed = parseM3u('#EXTINF:1,A - B\none.mp3\ntwo.mp3\n');
    expect(parsed.entries[1]).toEqual({ ref: 'line 3', location: 'two.mp3', locationKind: 'path' });
  });

  it('writes extended M3U with seconds, "artist - title" and absolute paths', () => {
    expect(writeM3u8({ name: 'Evening\nmix', description: null, songs })).toBe(
      [
        '#EXTM3U',
        '#PLAYLIST:Evening mix',
        '#EXTINF:215,Joni Mitchell - All I Want',
        '/music/Joni Mitchell/Blue/01 All I Want.flac',
        '#EXTINF:-1,Sigur Rós - Svefn-g-englar',
        '/music/Sigur Rós/Ágætis byrjun/03 & <odd>.mp3',
        '',
      ].join('\n'),
    );
  });

  it('reads back what it writes', () => {
    const parsed = parseM3u(writeM3u8({ name: 'Evening', description: null, songs }));
    expect(parsed.name).toBe('Evening');
    expect(parsed.entries.map((e) => [e.location, e.artist, e.title])).toEqual(songs.map((s) => [s.path, s.artist, s.title]));
  });
});

describe('XSPF', () => {
  it('writes valid escaped XSPF and reads it back', () => {
    const xml = writeXspf({ name: 'Rock & <Roll>', description: 'loud "stuff"', songs });
    expect(xml).toContain('<title>Rock &amp; &lt;Roll&gt;</title>');
    expect(xml).toContain('<location>file:///music/Sigur%20R%C3%B3s/%C3%81g%C3%A6tis%20byrjun/03%20&amp;%20%3Codd%3E.mp3</location>');
    expect(xml).toContain('<duration>214600</duration>');
    const parsed = parseXspf(xml);
    expect(parsed).toMatchObject({ name: 'Rock & <Roll>', description: 'loud "stuff"' });
    expect(parsed.entries).toEqual([
      { ref: 'track 1', locationKind: 'uri', location: 'file:///music/Joni%20Mitchell/Blue/01%20All%20I%20Want.flac', artist: 'Joni Mitchell', title: 'All I Want', durationMs: 214_600 },
      { ref: 'track 2', locationKind: 'uri', location: 'file:///music/Sigur%20R%C3%B3s/%C3%81g%C3%A6tis%20byrjun/03%20&%20%3Codd%3E.mp3', artist: 'Sigur Rós', title: 'Svefn-g-englar' },
    ]);
    expect(parsed.entries.map((e) => candidatePaths(e, '/elsewhere')[0])).toEqual(songs.map((s) => s.path));
  });

  it('reads XSPF other players write: prefixes, CDATA, entities, comments, tracks without location', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- <track><location>commented.mp3</location></track> -->
<x:playlist version="1" xmlns:x="http://xspf.org/ns/0/">
  <x:title><![CDATA[Mine & yours]]></x:title>
  <x:trackList>
    <x:track><x:location>relative/d%C3%A9j%C3%A0.ogg</x:location><x:title>D&#233;j&#xE0;</x:title></x:track>
    <x:track>
      <x:creator>Beyonc&#xe9;</x:creator>
      <x:title>Halo</x:title>
      <x:image>cover.png</x:image>
    </x:track>
    <x:track><x:location/></x:track>
  </x:trackList>
</x:playlist>`;
    const parsed = parseXspf(xml);
    expect(parsed.name).toBe('Mine & yours');
    expect(parsed.entries).toEqual([
      { ref: 'track 1', locationKind: 'uri', location: 'relative/d%C3%A9j%C3%A0.ogg', title: 'Déjà' },
      { ref: 'track 2', locationKind: 'uri', artist: 'Beyoncé', title: 'Halo' },
      { ref: 'track 3', locationKind: 'uri' },
    ]);
    expect(candidatePaths(parsed.entries[0]!, '/lists')).toContain('/lists/relative/déjà.ogg');
  });

  it('refuses text that is not XSPF', () => {
    expect(() => parseXspf('<html><body/></html>')).toThrow(TunesError);
  });
});

describe('tunes JSON', () => {
  it('round-trips and refuses other JSON', () => {
    const parsed = parseTunesJson(writeTunesJson({ name: 'J', description: 'd', songs }));
    expect(parsed).toMatchObject({ name: 'J', description: 'd' });
    expect(parsed.entries.map((e) => [e.location, e.artist, e.title])).toEqual(songs.map((s) => [s.path, s.artist, s.title]));
    expect(() => parseTunesJson('{"songs": []}')).toThrow(/not a tunes playlist export/);
    expect(() => parseTunesJson('{oops')).toThrow(/not valid JSON/);
  });
});

describe('format detection, decoding and matching keys', () => {
  it('detects by extension, then by content', () => {
    expect(detectFormat('<playlist/>', 'a.M3U8')).toBe('m3u');
    expect(detectFormat('', 'a.xspf')).toBe('xspf');
    expect(detectFormat('\uFEFF  <?xml version="1.0"?>', 'list.txt')).toBe('xspf');
    expect(detectFormat('{"format":"tunes-playlist"}', undefined)).toBe('json');
    expect(detectFormat('/a.mp3\n', 'list.txt')).toBe('m3u');
  });

  it('decodes UTF-8 (dropping a BOM) and falls back to Latin-1 for old .m3u files', () => {
    expect(decodePlaylistBytes(Buffer.from('\uFEFF/música/ça.mp3', 'utf8'))).toBe('/música/ça.mp3');
    expect(decodePlaylistBytes(Buffer.from('/m\xfasica/\xe7a.mp3', 'latin1'))).toBe('/música/ça.mp3');
  });

  it('resolves relative, Windows-style and file:// locations', () => {
    const m3u = (location: string) => ({ ref: 'line 1', location, locationKind: 'path' as const });
    expect(candidatePaths(m3u('sub/a.mp3'), '/lists')).toContain('/lists/sub/a.mp3');
    expect(candidatePaths(m3u('..\\Music\\a.mp3'), '/lists/x')).toContain('/lists/Music/a.mp3');
    expect(candidatePaths(m3u('/abs/./b.mp3'), '/lists')).toContain('/abs/b.mp3');
    expect(candidatePaths(m3u('file:///abs/c%20d.mp3'), '/lists')).toContain('/abs/c d.mp3');
    expect(candidatePaths(m3u('https://example.com/x.mp3'), '/lists')).toEqual([]);
  });

  it('compares artist and title ignoring case, diacritics and extra spaces', () => {
    expect(matchKey('  Beyoncé   KNOWLES ')).toBe(matchKey('beyonce knowles'));
    expect(matchKey('Sigur Rós')).toBe('sigur ros');
    expect(matchKey('Ｆｕｌｌ')).toBe('full');
  });
});

describe('match keys on the fast path', () => {
  it('gives plain ASCII and decomposed text the same treatment', () => {
    expect(matchKey('Hells  Bells')).toBe('hells bells');
    expect(matchKey('Hells\tBells')).toBe('hells bells');
    expect(matchKey('Ha\u0301lo')).toBe(matchKey('Hálo'));
    expect(matchKey('Hálo')).toBe('halo');
  });
});

describe('XSPF that is not well-formed', () => {
  it('refuses bad character references and unknown entities with the place they are at', () => {
    for (const bad of ['&#0;', '&#xD800;', '&#x110000;', '&#x1b;', '&nbsp;', '&#xZZ;']) {
      const xml = `<playlist><title>a${bad}b</title><trackList><track><location>x.mp3</location></track></trackList></playlist>`;
      let error: unknown;
      try {
        parseXspf(xml);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(TunesError);
      expect((error as TunesError).code, bad).toBe('invalid_input');
      expect((error as TunesError).message, bad).toMatch(/^not a valid XSPF file: 1:\d+: /);
    }
  });

  it('refuses tracks that never close, whatever their number, without expanding DTD entities', () => {
    const unclosed = `<playlist><trackList>${'<track><location>a</location>'.repeat(28_000)}`;
    expect(() => parseXspf(unclosed)).toThrow(/unclosed tag/);
    const laughs = '<!DOCTYPE playlist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><playlist><title>&b;</title></playlist>';
    expect(() => parseXspf(laughs)).toThrow(/undefined entity/);
  });

  it('writes only what XML can hold, so an export always reads back', () => {
    const xml = writeXspf({ name: 'x\uffff\ud800y\x01', description: null, songs: [] });
    expect(parseXspf(xml).name).toBe('xy');
  });
});
