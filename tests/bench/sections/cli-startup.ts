import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCorpus } from '../lib/corpus.js';
import { median, ms, mustSucceed, runProcess, runTunes, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

const RUNS = 15;

/** What a one-shot search costs a person at the prompt, beside Node's own startup. */
export const cliStartupSection: BenchSection = {
  name: 'cli-startup',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const corpus = await ensureCorpus(ctx.cache, ctx.corpusSize, ctx.log);
    const home = mkdtempSync(join(ctx.scratch, 'cli-home-'));
    mustSucceed(await runTunes(['register', 'bench', '--password-stdin'], home, 'bench password\n'), 'register');
    mustSucceed(await runTunes(['library', 'add', corpus, '--json'], home), 'scan');

    const songs: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const found = mustSucceed(await runTunes(['songs', 'midnight'], home), 'tunes songs');
      if (!found.stdout.includes('Midnight')) throw new Error('tunes songs midnight found nothing');
      songs.push(found.wallMs);
      bare.push(mustSucceed(await runProcess(process.execPath, ['-e', '0']), 'node -e 0').wallMs);
    }
    return [
      {
        measure: `tunes songs midnight (${ctx.corpusSize.toLocaleString('en')}-song library, median of ${RUNS})`,
        value: ms(median(songs)),
        baseline: 'node -e 0',
        baselineValue: ms(median(bare)),
      },
    ];
  },
};
