import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCorpus } from './corpus.js';
import { mustSucceed, runProcess } from './measure.js';

const PER_FFMPEG = 30;

/**
 * The scan corpus with covers, as a real library has them: of every four album folders, two hold
 * tracks with an embedded 600 px JPEG (mp3, flac, m4a; ffmpeg cannot embed one in ogg), one a
 * cover.jpg beside the tracks, one no cover. Built once from the plain corpus and cached.
 */
export async function ensureCoverCorpus(cache: string, size: number, log: (m: string) => void): Promise<string> {
  const dir = join(cache, `corpus-${size}-v2-covers-v1`);
  if (existsSync(join(dir, '.complete'))) return dir;
  const plain = await ensureCorpus(cache, size, log);
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  log(`adding covers to a copy of the ${size}-file corpus in ${dir} (once; cached)`);
  cpSync(plain, building, { recursive: true });
  const image = join(building, '.cover.jpg');
  mustSucceed(await runProcess('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=600x600', '-frames:v', '1', '-q:v', '3', image]), 'cover image');

  const embed: string[] = [];
  let album = 0;
  for (const artist of readdirSync(building).filter((n) => !n.startsWith('.')).sort()) {
    for (const name of readdirSync(join(building, artist)).sort()) {
      const folder = join(building, artist, name);
      const kind = album++ % 4;
      if (kind === 2) cpSync(image, join(folder, 'cover.jpg'));
      if (kind > 1) continue;
      for (const file of readdirSync(folder)) if (!file.endsWith('.ogg')) embed.push(join(folder, file));
    }
  }
  for (let i = 0; i < embed.length; i += PER_FFMPEG) {
    const batch = embed.slice(i, i + PER_FFMPEG);
    const args = ['-hide_banner', '-loglevel', 'error', '-y'];
    for (const file of batch) args.push('-i', file);
    args.push('-i', image);
    batch.forEach((file, k) => {
      const out = file.replace(/(\.[^.]+)$/, '.tmp$1');
      args.push('-map', `${k}:a`, '-map', `${batch.length}:v`, '-c', 'copy', '-map_metadata', String(k), '-disposition:v:0', 'attached_pic', out);
    });
    mustSucceed(await runProcess('ffmpeg', args), 'embedding covers');
    for (const file of batch) renameSync(file.replace(/(\.[^.]+)$/, '.tmp$1'), file);
  }
  rmSync(image);
  renameSync(building, dir);
  writeFileSync(join(dir, '.complete'), String(size));
  return dir;
}
