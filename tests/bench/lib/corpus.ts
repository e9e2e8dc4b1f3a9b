import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mustSucceed, runProcess } from './measure.js';

// The mix the mpd/cmus figures were measured on: mp3/flac/ogg/m4a, 3-5 s each, full tags.
const FORMATS = [
  { ext: 'mp3', codec: ['-c:a', 'libmp3lame', '-b:a', '128k'] },
  { ext: 'flac', codec: ['-c:a', 'flac'] },
  { ext: 'ogg', codec: ['-c:a', 'libvorbis', '-q:a', '3'] },
  { ext: 'm4a', codec: ['-c:a', 'aac', '-b:a', '128k'] },
] as const;
const SECONDS = [3, 4, 5];
const OUTPUTS_PER_FFMPEG = 60;

const WORDS = ['midnight', 'river', 'golden', 'echo', 'summer', 'electric', 'blue', 'fire', 'shadow', 'dream',
  'ocean', 'city', 'heart', 'wild', 'silver', 'north', 'light', 'velvet', 'storm', 'garden'];

/**
 * A tagged audio corpus of `size` files in folders artist/album, cached under `cache` by size so
 * later runs reuse it. Built by encoding a few base tones, then stream-copying them with new tags,
 * many outputs per ffmpeg process.
 */
export async function ensureCorpus(cache: string, size: number, log: (m: string) => void): Promise<string> {
  const dir = join(cache, `corpus-${size}-v2`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, '.base'), { recursive: true });
  log(`generating a ${size}-file corpus in ${dir} (once; cached)`);

  for (const format of FORMATS) {
    for (const seconds of SECONDS) {
      const out = join(building, '.base', `${seconds}.${format.ext}`);
      mustSucceed(
        await runProcess('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i',
          `sine=frequency=${220 + seconds * 40}:duration=${seconds}:sample_rate=44100`, '-ac', '2', ...format.codec, out]),
        'ffmpeg base encode',
      );
    }
  }

  const jobs: string[][] = [];
  let args: string[] = [];
  for (let i = 0; i < size; i += 1) {
    const format = FORMATS[i % FORMATS.length]!;
    const seconds = SECONDS[i % SECONDS.length]!;
    // Albums of 10 tracks, artists of 4 albums: ~200 album folders in ~50 artist folders per 2,000 files.
    const a = Math.floor(i / 40);
    const b = Math.floor(i / 10);
    const artist = `${cap(word(a, 1))} ${cap(word(a, 2))} ${a}`;
    const album = `${cap(word(b, 3))} ${cap(word(b, 4))} ${b}`;
    const folder = join(building, artist, album);
    mkdirSync(folder, { recursive: true });
    const track = (i % 10) + 1;
    const title = `${cap(word(i, 5))} ${word(i, 6)} ${i}`;
    if (args.length === 0) args = ['-hide_banner', '-loglevel', 'error', '-y'];
    const base = join(building, '.base', `${seconds}.${format.ext}`);
    args.push('-i', base);
    const input = (args.filter((a) => a === '-i').length - 1).toString();
    args.push('-map', input, '-c', 'copy', '-map_metadata', '-1',
      '-metadata', `title=${title}`, '-metadata', `artist=${artist}`, '-metadata', `album=${album}`,
      '-metadata', `album_artist=${artist}`, '-metadata', `genre=${cap(word(i, 7))}`, '-metadata', `date=${1970 + (i % 50)}`,
      '-metadata', `track=${track}/10`, '-metadata', 'disc=1/1',
      join(folder, `${String(track).padStart(2, '0')} ${title}.${format.ext}`));
    if ((i + 1) % OUTPUTS_PER_FFMPEG === 0 || i === size - 1) {
      jobs.push(args);
      args = [];
    }
  }
  // Two ffmpeg processes at once: this box has two cores shared with others.
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) mustSucceed(await runProcess('ffmpeg', jobs[next++]!), 'ffmpeg tagging');
  };
  await Promise.all([lane(), lane()]);
  rmSync(join(building, '.base'), { recursive: true });
  renameSync(building, dir);
  await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, '.complete'), String(size)));
  const count = countFiles(dir);
  if (count !== size) throw new Error(`corpus has ${count} files, expected ${size}`);
  return dir;
}

function word(i: number, salt: number): string {
  return WORDS[(i * 7 + salt * 13 + Math.floor(i / (salt + 1))) % WORDS.length]!;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) n += countFiles(join(dir, entry.name));
    else n += 1;
  }
  return n;
}
