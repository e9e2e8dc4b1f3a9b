import { copyFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import { MAX_COVER_SIZE, MIN_COVER_SIZE } from '../../services/covers/cover-service.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { emit, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import type { CliRuntime } from '../runtime.js';

interface CoverOptions extends JsonOption {
  album?: number;
  song?: number;
  output?: string;
  size?: number;
}

export function registerCoverCommand(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('cover')
      .description("write an album's cover (or a song's: its own picture, else its album's) to a file")
      .option('--album <id>', 'the album with this id (see tunes albums)', wholeNumber('--album'))
      .option('--song <id>', 'the song with this id (see tunes songs)', wholeNumber('--song'))
      .option('-o, --output <file>', 'where to write the image; - for standard output')
      .option('--size <pixels>', `fit it inside this many pixels square (${MIN_COVER_SIZE}-${MAX_COVER_SIZE}; default: as found)`, wholeNumber('--size')),
  ).action(async (options: CoverOptions) => {
    if ((options.album === undefined) === (options.song === undefined)) {
      throw new TunesError('usage', 'name either --album <id> or --song <id>');
    }
    if (options.output === undefined) throw new TunesError('usage', 'name the file to write with -o <file> (- for standard output)');
    const toStdout = options.output === '-';
    if (toStdout && runtime.stdout.isTTY) throw new TunesError('usage', 'an image would garble the terminal: redirect standard output, or name a file with -o');
    if (toStdout && options.json) throw new TunesError('usage', '--json prints a document on standard output: write the image to a file with -o');
    const { covers } = await runtime.services();
    const cover = options.album !== undefined ? await covers.albumCover(options.album, options.size) : await covers.songCover(options.song!, options.size);
    if (toStdout) {
      runtime.stdout.write(readFileSync(cover.path));
      return;
    }
    const file = resolve(options.output);
    try {
      copyFileSync(cover.path, file);
    } catch (cause) {
      throw new TunesError('io', `cannot write ${options.output}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
    }
    const what = options.album !== undefined ? { album_id: options.album } : { song_id: options.song };
    emit(runtime, options, { ...what, file, mime: cover.mime, byte_size: cover.byte_size }, () => `Wrote ${terminalSafe(file)} (${cover.mime}, ${cover.byte_size} bytes)`);
  });
}
