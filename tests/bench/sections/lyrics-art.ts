/**
 * Issue 17: the playing song's lyrics looked up (<= 2 ms) beside a plain song-row read, a
 * 24x12-cell half-block cover drawn from a 1200 px JPEG (<= 10 ms) beside sharp's resize of the
 * same image to a 300 px JPEG (what the covers service does for a client), and Ink's frame for a key
 * with a 12x6 cover shown beside the same frame without it ("no frame slower while art is shown").
 */
import { join } from 'node:path';
import { openStore } from '../../../src/db/open.js';
import { findSongById } from '../../../src/db/repositories/songs.js';
import { createLyricsService } from '../../../src/services/lyrics/lyrics-service.js';
import { coverPixels, resizeImage } from '../../../src/services/covers/resize.js';
import { halfBlockLines } from '../../../src/text/cover-art/half-blocks.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { coverFrameTimes, type CoverVariant } from '../lib/cover-frames.js';
import { median, ms, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

const RUNS = 200;

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export const lyricsArtSection: BenchSection = {
  name: 'lyrics-art',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const store = await openStore(join(ctx.scratch, 'lyrics-art.db'));
    try {
      const songs = await seedSongs(store, Array.from({ length: 50 }, (_, i) => ({ title: `Song ${i}`, artist: 'Bench', path: `/bench/lyrics/${i}.mp3` })));
      // A long song's LRC: 120 lines, two stamps on some.
      const lrc = Array.from({ length: 120 }, (_, i) => `[${String(Math.floor(i / 20)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')}.50]A line of lyrics number ${i}`).join('\n');
      const insert = store.sqlite.prepare("insert into song_lyrics (song_id, source, language, text) values (?, 'sidecar', null, ?)");
      for (const song of songs) insert.run(song.id, lrc);
      const lyrics = createLyricsService({ db: store.db });
      const playing = songs[0]!.id;
      await lyrics.ofSong(playing);
      const again = await timed(RUNS, () => lyrics.ofSong(playing));
      const fresh = await timed(RUNS, (i) => lyrics.ofSong(songs[i % songs.length]!.id));
      const row = await timed(RUNS, () => findSongById(store.db, playing));

      // A 1200 px JPEG, made by sharp from noise so it does not compress to nothing.
      const sharp = (await import('sharp')).default;
      const noise = Buffer.alloc(1200 * 1200 * 3);
      for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
      const jpeg = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
      await coverPixels(jpeg, 24, 24);
      const draw = await timed(30, async () => halfBlockLines(await coverPixels(jpeg, 24, 24), 'truecolor').join('\n'));
      const resize = await timed(30, () => resizeImage(jpeg, 300, 'jpg'));
      // What tunes draws from: the covers cache's small copy (made once per cover and size).
      const small = (await resizeImage(jpeg, 96, 'jpg'))!;
      const drawSmall = await timed(RUNS, async () => halfBlockLines(await coverPixels(small, 24, 24), 'truecolor').join('\n'));
      // Frames with and without the cover, in turn (from the same noise picture, 12x6 cells).
      const { frames, renders } = await coverFrameTimes(await coverPixels(small, 12, 12), RUNS);
      const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
      const frame = (v: CoverVariant) => `${ms(median(frames[v]))} / ${ms(p95(frames[v]))} (Ink's own render ${ms(median(renders[v]))})`;
      return [
        {
          measure: `key -> Ink frame written, 12x6 half-block cover shown via the half-block layer (median / p95 of ${RUNS}, in turn)`,
          value: frame('layer'),
          baseline: 'the same frame without a cover',
          baselineValue: frame('none'),
        },
        {
          measure: "key -> Ink frame written, the cover's colour codes in Ink's frame (the previous stop's way)",
          value: frame('in-frame'),
          baseline: 'the same frame without a cover',
          baselineValue: frame('none'),
        },
        { measure: 'lyrics of the playing song (asked again, parsed once)', value: ms(again), baseline: 'a song row by id', baselineValue: ms(row) },
        { measure: 'lyrics of another song each time (read and parsed, 120 lines)', value: ms(fresh), baseline: 'a song row by id', baselineValue: ms(row) },
        { measure: '24x12-cell half-block cover from the cached 96 px copy', value: ms(drawSmall), baseline: 'sharp: the 1200 px JPEG to 300 px', baselineValue: ms(resize) },
        { measure: '24x12-cell half-block cover from the 1200 px JPEG itself', value: ms(draw), baseline: 'sharp: the 1200 px JPEG to 300 px', baselineValue: ms(resize) },
      ];
    } finally {
      await store.close();
    }
  },
};
