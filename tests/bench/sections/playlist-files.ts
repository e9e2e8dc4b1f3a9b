import { writeTunesJson } from '../../../src/services/playlists/formats/tunes-json.js';
import { parseXspf, writeXspf } from '../../../src/services/playlists/formats/xspf.js';
import type { ExportSong } from '../../../src/services/playlists/formats/playlist-file.js';
import { median, ms, type BenchRow, type BenchSection } from '../lib/measure.js';

/**
 * Reading playlist files of the issue's size (0.84 MB): a hostile XSPF of unclosed <track>
 * elements (the pattern-matching reader took 17.6 s on it) and a well-formed one, each beside
 * JSON.parse of a document of the same size (V8's native, linear parser) in the same run.
 */
export const playlistFilesSection: BenchSection = {
  name: 'playlist-files',
  async run(): Promise<BenchRow[]> {
    const target = 0.84 * 1024 * 1024;
    const hostile = `<playlist><trackList>${'<track><location>a</location>'.repeat(Math.ceil(target / 30))}`;
    const songs: ExportSong[] = [];
    let wellFormed = '';
    while (wellFormed.length < target) {
      for (let i = 0; i < 500; i += 1) {
        const n = songs.length + 1;
        songs.push({ path: `/music/Artist ${n % 97}/Album ${n % 301}/${n} Title ${n}.flac`, title: `Title ${n} & more`, artist: `Artist ${n % 97}`, album: `Album ${n % 301}`, duration_ms: 200_000 + n });
      }
      wellFormed = writeXspf({ name: 'Bench', description: null, songs });
    }
    // The same songs as tunes JSON: about the same size.
    const sameSizeJson = writeTunesJson({ name: 'Bench', description: null, songs });

    const refuse = samples(7, () => {
      try {
        parseXspf(hostile);
      } catch {
        // refused: it never closes its tracks
      }
    });
    const read = samples(7, () => parseXspf(wellFormed));
    const native = samples(7, () => JSON.parse(sameSizeJson));
    const mb = (text: string) => `${(text.length / 1024 / 1024).toFixed(2)} MB`;
    return [
      { measure: `XSPF import parse, ${mb(hostile)} of unclosed <track> (refused; 17.6 s before)`, value: ms(median(refuse)), baseline: `JSON.parse, ${mb(sameSizeJson)}`, baselineValue: ms(median(native)) },
      { measure: `XSPF import parse, ${mb(wellFormed)} well-formed (${songs.length.toLocaleString('en')} tracks)`, value: ms(median(read)), baseline: `JSON.parse, ${mb(sameSizeJson)}`, baselineValue: ms(median(native)) },
    ];
  },
};

function samples(count: number, work: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    work();
    out.push(performance.now() - start);
  }
  return out;
}
