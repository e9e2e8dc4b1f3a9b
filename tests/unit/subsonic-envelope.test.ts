import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { formatOf, toXml } from '../../src/server/subsonic/envelope.js';
import { indexArtists } from '../../src/server/subsonic/artist-index.js';
import { parseEntityId } from '../../src/server/subsonic/ids.js';

describe('the Subsonic envelope', () => {
  it('renders scalars as attributes, objects as elements, arrays as repeated elements and value as text', () => {
    const xml = toXml('genres', { genre: [{ songCount: 2, albumCount: 1, value: 'Rock & <Roll>' }, { songCount: 1, albumCount: 1, value: 'Jazz' }], empty: null, skip: undefined });
    expect(xml).toBe('<genres><genre songCount="2" albumCount="1">Rock &amp; &lt;Roll&gt;</genre><genre songCount="1" albumCount="1">Jazz</genre></genres>');
    expect(toXml('ext', { name: 'formPost', versions: [1, 2] })).toBe('<ext name="formPost"><versions>1</versions><versions>2</versions></ext>');
  });

  it('keeps tag text that would break XML (quotes, control characters) well-formed', () => {
    const title = 'He said "hi" \u0007\u001b[31m & left\u0000';
    const xml = toXml('song', { title });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true }).parse(xml) as { song: { title: string } };
    expect(parsed.song.title).toBe('He said "hi" [31m & left');
  });

  it('takes a JSONP callback only when it is a plain name', () => {
    expect(formatOf('jsonp', 'cb.handle_1')).toEqual({ kind: 'jsonp', callback: 'cb.handle_1' });
    expect(formatOf('jsonp', 'alert(1)')).toEqual({ kind: 'json' });
    expect(formatOf(undefined, undefined)).toEqual({ kind: 'xml' });
  });

  it('indexes artists by the first letter after an ignored article, accents folded, others under #', () => {
    const artist = (id: number, name: string) => ({ id, name, album_count: 1, song_count: 1 });
    const groups = indexArtists([artist(1, 'The Beatles'), artist(2, 'Émilie Simon'), artist(3, '2Pac'), artist(4, 'beck'), artist(5, 'Los Lobos')]);
    expect(groups.map((g) => [g.name, g.artists.map((a) => a.name)])).toEqual([
      ['B', ['The Beatles', 'beck']],
      ['E', ['Émilie Simon']],
      ['L', ['Los Lobos']],
      ['#', ['2Pac']],
    ]);
  });

  it('reads prefixed ids and refuses anything else as not found', () => {
    expect(parseEntityId('42')).toEqual({ kind: 'song', id: 42 });
    expect(parseEntityId('al-7')).toEqual({ kind: 'album', id: 7 });
    expect(parseEntityId('ar-3')).toEqual({ kind: 'artist', id: 3 });
    for (const bad of ['0', '-1', 'al-', 'pl-1', '1e3', '99999999999999999999']) expect(() => parseEntityId(bad)).toThrow(/no item/);
  });
});
